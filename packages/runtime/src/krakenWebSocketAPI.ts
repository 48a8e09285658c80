import {
  CancelAllOrdersAfterRequest,
  RATE_TIERS,
  type Response,
  type ResponseFamily,
  type ResponseType,
  type ResponseValue,
  type StatusResponse,
  type SubscriptionRequest,
  type SubscriptionResponse,
  type TradingRequest,
  transactionCost,
  type UnsubscribeRequest,
  type UnsubscribeResponse,
} from '@kraken-sockets/schema'
import type { TransportEndpoint } from '@kraken-sockets/transport'
import { BookManager } from './books/bookManager.js'
import type {
  BookOptions,
  L3BookOptions,
  LiveBook,
  LiveL3Book,
} from './books/liveBook.js'
import type { KrakenEventMap, KrakenStats } from './events.js'
import type { Connection } from './internal/connection.js'
import {
  type ConnectionPool,
  createConnectionPool,
} from './internal/connectionPool.js'
import {
  ClientStoppedError,
  type DecodeFailureError,
  ListenerError,
} from './internal/errors.js'
import {
  createEventEmitter,
  type EventEmitter,
  type Listener,
} from './internal/eventEmitter.js'
import {
  createFrameRouter,
  type FrameCounters,
} from './internal/frameRouter.js'
import {
  createLogger,
  type LogContext,
  type Logger,
  type LogSink,
} from './internal/logger.js'
import type { LogLevel } from './internal/logLevel.js'
import { settleWithin } from './internal/settleWithin.js'
import { SubscriptionManager } from './internal/subscriptionManager.js'
import {
  createTaskGroup,
  type TaskGroup,
  type UserTask,
} from './internal/taskGroup.js'
import { TradingDesk } from './internal/tradingDesk.js'
import {
  TradingRequests,
  type TradingResponseFor,
} from './internal/tradingRequests.js'
import {
  createTriggerDecorator,
  type TriggerMethodDecorator,
} from './internal/triggerDecorator.js'
import type { TriggerHandler } from './internal/triggerKey.js'
import type { CatchAllItem } from './internal/triggerRegistry.js'
import {
  createTriggerRegistry,
  type TriggerRegistry,
} from './internal/triggerRegistry.js'
import {
  createTriggerStream,
  type TriggerStream,
} from './internal/triggerStream.js'
import { type KrakenWebSocketAPIOptions, resolveOptions } from './options.js'
import type { AdvisoryRateCounter } from './trading/advisoryRateCounter.js'
import type { ClockOffsetEstimator } from './trading/clockOffset.js'
import {
  createDeadMansSwitch,
  type DeadMansSwitch,
} from './trading/deadMansSwitch.js'
import { DeadMansSwitchError } from './trading/errors.js'
import type { TrackedOrder } from './trading/executionReport.js'
import { maintenanceStart } from './trading/maintenanceNotice.js'
import type { OrderHandle } from './trading/orderHandle.js'
import type { OrderEvent } from './trading/orderTrackerTypes.js'
import type { InstrumentPair } from './trading/types.js'

/** A response type or family: what `trigger()` and `stream()` take. */
export type TriggerKeyOf = ResponseType | ResponseFamily

/** What a catch-all handler (`onFrame`) receives: every response, and every frame that failed to decode. */
export type FrameItem =
  | {
      readonly kind: 'response'
      readonly type: ResponseType
      readonly value: ResponseValue<typeof Response>
    }
  | { readonly kind: 'undecoded'; readonly error: DecodeFailureError }

/** Options of `kraken.run(subscriptions, options)`. */
export interface RunOptions {
  /** Aborting it stops the client, as `stop()` does. */
  signal?: AbortSignal | undefined
}

/** Options of `kraken.stream(Key, options)`. */
export interface StreamOptions {
  /** Aborting it ends the stream. */
  signal?: AbortSignal | undefined
  /** Values held while the loop is busy; the oldest is dropped (a gap) beyond it. @default 1_000 */
  bufferSize?: number | undefined
}

/** Options of `kraken.deadMansSwitch(options)`. */
export interface DeadMansSwitchOptions {
  /** Seconds without a refresh after which Kraken cancels every order. @default 60 */
  timeout?: number | undefined
  /** Seconds between refreshes; below `timeout`. @default 20 */
  every?: number | undefined
  /** Seconds before a scheduled maintenance at which the switch disarms. @default 60 */
  maintenanceLead?: number | undefined
}

/** How long `stop()` waits for Kraken's unsubscribe acks (ms). */
const STOP_UNSUBSCRIBE_WAIT = 1_000
/** How long `stop()` waits for user tasks to end (ms). */
const STOP_TASK_WAIT = 5_000
/** Kraken's advice after maintenance: reconnect no faster than every 5 s. */
const MAINTENANCE_RECONNECT_DELAY = 5_000

/**
 * A client of Kraken's Spot WebSocket API v2: triggers on typed responses,
 * subscriptions that survive reconnects, live checksum-verified books, and
 * trading requests. Sockets (public, private, level3) open when a request
 * first needs them.
 *
 * @example
 * ```ts
 * import { KrakenWebSocketAPI, TickerSubscriptionRequest, TickerUpdateResponse } from '@kraken-sockets/runtime'
 *
 * const kraken = new KrakenWebSocketAPI()
 * kraken.trigger(TickerUpdateResponse, async (response) => {
 *   kraken.log(`Last price: $${response.last}`, 'info')
 * })
 * await kraken.run([TickerSubscriptionRequest(['BTC/USD'])])
 * ```
 */
export class KrakenWebSocketAPI {
  #logger: Logger
  #events: EventEmitter<KrakenEventMap>
  #triggers: TriggerRegistry
  #tasks: TaskGroup
  #pool: ConnectionPool
  #subscriptions: SubscriptionManager
  #books: BookManager
  #trading: TradingRequests
  #desk: TradingDesk
  #deadMansSwitch: DeadMansSwitch | undefined
  #counters: FrameCounters = { frames: 0, decodeErrors: 0, channels: new Map() }
  #reconnects: Record<TransportEndpoint, number> = {
    public: 0,
    private: 0,
    level3: 0,
  }
  #resyncs = 0
  #systems = new Map<TransportEndpoint, string>()
  #lifetime = new AbortController()
  #running:
    | { promise: Promise<void>; resolve: () => void; cleanup: () => void }
    | undefined
  #stopping: Promise<void> | undefined
  #route: (connection: Connection, text: string) => void

  /** @param options Every option is optional; see {@link KrakenWebSocketAPIOptions}. */
  constructor(options: KrakenWebSocketAPIOptions = {}) {
    const resolved = resolveOptions(options)
    this.#logger = createLogger({
      level: options.logger === false ? false : (options.logLevel ?? 'info'),
      ...(typeof options.logger === 'function' ? { sink: options.logger } : {}),
    })
    for (const secret of resolved.secrets) this.#logger.addSecret(secret)
    const logger = this.#logger
    this.#events = createEventEmitter<KrakenEventMap>({
      unreported: (error) => logger.log(describeError(error), 'error'),
    })
    const reportError = (error: KrakenEventMap['error']) =>
      this.#events.emit('error', error)
    this.#triggers = createTriggerRegistry({
      queueSize: resolved.queueSize,
      onError: reportError,
      onGap: (gap) => this.#events.emit('gap', gap),
    })
    this.#tasks = createTaskGroup({ onError: reportError })
    this.#pool = createConnectionPool({
      urls: resolved.urls,
      transport: resolved.transport,
      budget: resolved.budget,
      staleAfter: resolved.staleAfter,
      getToken: resolved.getToken,
      onToken: (token) => logger.addSecret(token),
      hooks: {
        onMessage: (connection, text) => this.#route(connection, text),
        onOpen: (connection, event) =>
          this.#onOpen(connection, event.isReconnect),
        onStatus: (connection, event) => {
          this.#events.emit('connection', event)
          if (event.status === 'reconnecting' || event.status === 'closed') {
            this.#onSocketLost(connection)
          }
        },
        onError: (_connection, error) => reportError(error),
        onPong: (connection, latency) => {
          if (connection.endpoint === 'private') this.#desk.onPong(latency)
        },
      },
    })
    this.#subscriptions = new SubscriptionManager({
      pool: this.#pool,
      timeout: resolved.requestTimeout,
      logger,
      reportError,
    })
    this.#books = new BookManager({
      subscriptions: this.#subscriptions,
      logger,
      resyncLimit: resolved.bookResyncLimit,
      timeout: resolved.requestTimeout * 2,
      emit: (event) => {
        if (event.state === 'resyncing') this.#resyncs++
        this.#events.emit('book', event)
      },
      reportError,
    })
    this.#trading = new TradingRequests({
      pool: this.#pool,
      timeout: resolved.requestTimeout,
      logger,
      quietWindow: resolved.trading.quietWindow,
    })
    this.#desk = new TradingDesk({
      options: resolved.trading,
      sender: this.#trading,
      subscriptions: this.#subscriptions,
      logger,
      timeout: resolved.requestTimeout,
      systemStatus: () => this.#systems.get('private'),
      onOrderEvent: (event) => this.#events.emit('order', event),
      onGap: (gap) => this.#events.emit('gap', gap),
      onListenerError: (cause) =>
        reportError(new ListenerError({ event: 'order', cause })),
      rateModel: { cost: transactionCost, tiers: Object.values(RATE_TIERS) },
    })
    this.#route = createFrameRouter({
      triggers: this.#triggers,
      books: this.#books,
      counters: this.#counters,
      onStatus: (connection, value) => this.#onSystemStatus(connection, value),
      onDecodeFailure: reportError,
      observe: (name, value) => this.#desk.observe(name, value),
    })
  }

  /**
   * Calls `handler` with every response of `key`: a response type such as
   * `TickerUpdateResponse`, or a family (`Response`, `SnapshotResponse`,
   * `UpdateResponse`, `TradingResponse`) for each of its members. Handlers
   * run in order, one value at a time each; a handler that throws is
   * reported on `error` and the others still run. Returns the remover.
   * Without a handler, returns a decorator for class methods.
   *
   * @example
   * ```ts
   * const off = kraken.trigger(TradesUpdateResponse, (response) => {
   *   for (const trade of response.trades) kraken.log(`${trade.side} ${trade.qty} @ ${trade.price}`)
   * })
   * class Bot {
   *   @kraken.trigger(TickerUpdateResponse)
   *   onTicker(response: TickerUpdateResponse) {}
   * }
   * ```
   */
  trigger<TKey extends TriggerKeyOf>(
    key: TKey,
    handler: (response: ResponseValue<TKey>) => unknown,
  ): () => void
  trigger<TKey extends TriggerKeyOf>(
    key: TKey,
  ): TriggerMethodDecorator<ResponseValue<TKey>>
  trigger<TKey extends TriggerKeyOf>(
    key: TKey,
    handler?: (response: ResponseValue<TKey>) => unknown,
  ): (() => void) | TriggerMethodDecorator<ResponseValue<TKey>> {
    checkKey(key)
    if (handler === undefined) {
      return createTriggerDecorator<ResponseValue<TKey>>((method) =>
        this.#triggers.add(key, method as TriggerHandler<never>),
      )
    }
    return this.#triggers.add(key, handler as TriggerHandler<never>)
  }

  /**
   * Calls `handler` with every response of every socket and every frame
   * that failed to decode (with its raw text). Returns the remover.
   */
  onFrame(handler: (item: FrameItem) => unknown): () => void {
    return this.#triggers.addCatchAll(handler as TriggerHandler<CatchAllItem>)
  }

  /** Replaces the logger: `handler(message, level, context)`, already redacted. */
  userLogger(handler: LogSink | undefined): void {
    this.#logger.setSink(handler)
  }

  /** Alias of {@link userLogger}, as the Python library names it. */
  user_logger(handler: LogSink | undefined): void {
    this.userLogger(handler)
  }

  /**
   * Runs `task(signal)` beside the client while it runs (from `run()` on);
   * `stop()` aborts `signal`. A failure is reported on `error`, not fatal.
   */
  userTask(task: UserTask): void {
    this.#tasks.add(task)
  }

  /** Alias of {@link userTask}, as the Python library names it. */
  user_task(task: UserTask): void {
    this.userTask(task)
  }

  /** Logs through the client's logger (secrets redacted). */
  log(message: string, level: LogLevel = 'info', context?: LogContext): void {
    this.#logger.log(message, level, context)
  }

  /** Adds an event listener; returns its remover. See {@link KrakenEventMap}. */
  on<TEvent extends keyof KrakenEventMap>(
    event: TEvent,
    listener: Listener<KrakenEventMap[TEvent]>,
  ): () => void {
    return this.#events.on(event, listener)
  }

  /**
   * Starts the user tasks, subscribes `subscriptions` (each on its own
   * socket) and resolves when `stop()` is called or `signal` aborts.
   * Sockets open as requests need them: `run([])` opens none by itself.
   */
  run(
    subscriptions: readonly SubscriptionRequest[] = [],
    options: RunOptions = {},
  ): Promise<void> {
    if (this.#running !== undefined) return this.#running.promise
    const { signal } = options
    let resolve = () => {}
    const promise = new Promise<void>((done) => {
      resolve = done
    })
    const onAbort = () => void this.stop()
    signal?.addEventListener('abort', onAbort, { once: true })
    this.#running = {
      promise,
      resolve,
      cleanup: () => signal?.removeEventListener('abort', onAbort),
    }
    this.#tasks.start()
    for (const request of subscriptions) {
      this.subscribe(request).then(
        (acks) => {
          for (const ack of acks) {
            if (ack.success === false) {
              this.#logger.log('Subscription failed.', 'warning', {
                channel: request.params.channel,
                symbol: ack.symbol,
                error: ack.error,
              })
            }
          }
        },
        (error: unknown) =>
          this.#events.emit('error', error as KrakenEventMap['error']),
      )
    }
    if (signal?.aborted === true) void this.stop()
    return promise
  }

  /**
   * Subscribes and resolves with Kraken's acks, one per symbol. A refused
   * symbol is an ack with `success: false` (also after a timeout), not a
   * rejection. The subscription is replayed after every reconnect.
   * @throws {SubscriptionLimitError} beyond 200 level3 symbols.
   */
  async subscribe(
    request: SubscriptionRequest,
  ): Promise<SubscriptionResponse[]> {
    this.#checkActive('subscribe')
    if (request?.method !== 'subscribe') {
      throw new TypeError(
        'subscribe() takes a subscription request, e.g. TickerSubscriptionRequest([...]).',
      )
    }
    return this.#subscriptions.subscribe(request, 'user')
  }

  /**
   * Unsubscribes (takes an unsubscribe request, or the subscription to undo)
   * and resolves with Kraken's acks, one per symbol. Books the runtime
   * manages stay subscribed.
   */
  async unsubscribe(
    request: UnsubscribeRequest | SubscriptionRequest,
  ): Promise<UnsubscribeResponse[]> {
    this.#checkActive('unsubscribe')
    if (request?.method !== 'unsubscribe' && request?.method !== 'subscribe') {
      throw new TypeError(
        'unsubscribe() takes an unsubscribe or subscription request.',
      )
    }
    return this.#subscriptions.unsubscribe(request, 'user')
  }

  /**
   * Sends a trading request on the private socket and resolves with its
   * typed ack. Never retried. The first request subscribes `instrument` and
   * `executions` (see `options.trading`). Before sending, `add_order` and
   * each `batch_add` order without `cl_ord_id` or `order_userref` get a
   * generated `cl_ord_id`, and (with `options.trading.round`, the default)
   * prices and quantities are rounded to the pair's increments and orders
   * Kraken would refuse are refused locally.
   *
   * Several answers: `cancel_order` with N ids resolves once all N arrived
   * (with the first; a failure among them rejects); by `order_userref`, whose
   * order count only Kraken knows, it resolves once no further answer came
   * for `options.trading.quietWindow` ms (500) after at least one per
   * `order_id`/`cl_ord_id` given (at least one). `batch_add` and
   * `batch_cancel` answer once.
   *
   * @throws {KrakenRejectedError} Kraken answered `success: false`: not placed.
   * @throws {OutcomeUnknownError} sent, but the socket dropped or the timeout passed: it may be live.
   * @throws {NotSentError} never sent (socket not open, no token, refused locally, rate counter).
   * @example
   * ```ts
   * const ack = await kraken.request(AddOrderRequest({ order_type: 'limit', side: 'buy', symbol: 'BTC/USD', order_qty: '0.0001', limit_price: '26500.4' }))
   * const outcome = await kraken.order(ack.result?.cl_ord_id ?? ack.result?.order_id ?? '').done
   * ```
   */
  request<TRequest extends TradingRequest>(
    request: TRequest,
  ): Promise<TradingResponseFor<TRequest>> {
    return this.#desk.send(request)
  }

  /** Open orders by `order_id`, merged from the executions channel; read-only and live. */
  get orders(): ReadonlyMap<string, TrackedOrder> {
    return this.#desk.tracker.openOrders
  }

  /**
   * A handle on an order (by `order_id` or `cl_ord_id`): its state, its
   * fills, and `done` (how it ended) / `filled` (rejects unless filled).
   *
   * @example
   * ```ts
   * const handle = kraken.order(ack.result.cl_ord_id)
   * for await (const fill of handle.fills()) kraken.log(`${fill.last_qty} @ ${fill.last_price}`)
   * const { status } = await handle.done
   * ```
   */
  order(id: string): OrderHandle {
    return this.#desk.tracker.track(id)
  }

  /**
   * Calls `listener` with each order event (opened, updated, fill, closed,
   * resolved, missing, unmatched), of every order or of the order `id`
   * (`order_id` or `cl_ord_id`). Returns the remover.
   */
  onOrder(listener: (event: OrderEvent) => void, id?: string): () => void {
    return this.#desk.tracker.on(listener, id)
  }

  /** The `instrument` channel's pairs by symbol, once trading has started. */
  get instruments(): ReadonlyMap<string, InstrumentPair> {
    return this.#desk.instruments.pairs
  }

  /**
   * Kraken's clock as estimated from acks' `time_in`/`time_out` and the
   * private socket's pongs: `offset` (Kraken minus local, ms), `rtt`, `now()`,
   * and result-returning `deadline`, `expireTime`, `effectiveTime`.
   */
  get clock(): ClockOffsetEstimator {
    return this.#desk.clock
  }

  /** Kraken's clock minus the local clock (ms); 0 until measured. */
  get clockOffset(): number {
    return this.#desk.clock.offset
  }

  /**
   * A `deadline` `ms` from now in Kraken's clock (RFC3339 to the ms).
   * @throws {RangeError} unless `ms` is 500 to 60_000.
   * @example
   * ```ts
   * kraken.request(AddOrderRequest({ ...order, deadline: kraken.deadline(5_000) }))
   * ```
   */
  deadline(ms: number): string {
    return unwrapTime(this.#desk.clock.deadline(ms))
  }

  /**
   * An `expire_time` (GTD) for a local instant, in Kraken's clock (RFC3339 to the second).
   * @throws {RangeError} when `at` is past or more than a month ahead.
   */
  expireTime(at: number | Date): string {
    return unwrapTime(this.#desk.clock.expireTime(at))
  }

  /**
   * An `effective_time` (scheduled start) for a local instant, in Kraken's clock.
   * @throws {RangeError} when `at` is not in the future.
   */
  effectiveTime(at: number | Date): string {
    return unwrapTime(this.#desk.clock.effectiveTime(at))
  }

  /** The advisory rate counter, when `options.trading.rateCounter` is set. */
  get rateCounter(): AdvisoryRateCounter | undefined {
    return this.#desk.rateCounter
  }

  /**
   * Keeps Kraken's dead man's switch (`cancel_all_orders_after`) armed:
   * arms now, re-arms every `every` seconds, disarms before a maintenance
   * announced in `status` `upcoming_maintenance` and in `stop()`. Failures
   * are reported on `error` (`DeadMansSwitchError`). A second call replaces
   * the first switch.
   *
   * @example
   * ```ts
   * const dms = kraken.deadMansSwitch({ timeout: 60, every: 20 })
   * await dms.stop() // disarms
   * ```
   */
  deadMansSwitch(options: DeadMansSwitchOptions = {}): DeadMansSwitch {
    this.#checkActive('deadMansSwitch')
    const previous = this.#deadMansSwitch
    const dms = createDeadMansSwitch({
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      ...(options.every === undefined ? {} : { every: options.every }),
      ...(options.maintenanceLead === undefined
        ? {}
        : { maintenanceLead: options.maintenanceLead }),
      send: (timeout) =>
        this.#desk.send(CancelAllOrdersAfterRequest({ timeout })),
      onError: (cause, timeout) =>
        this.#events.emit('error', new DeadMansSwitchError({ timeout, cause })),
    })
    this.#deadMansSwitch = dms
    if (previous !== undefined && previous.state !== 'stopped') {
      // Replaced without a disarm: the new switch re-arms at once.
      void previous.stop()
    }
    dms.start()
    return dms
  }

  /** Alias of {@link KrakenWebSocketAPI.request}. */
  trade<TRequest extends TradingRequest>(
    request: TRequest,
  ): Promise<TradingResponseFor<TRequest>> {
    return this.request(request)
  }

  /**
   * The responses of `key` as an async iterable with a bounded buffer.
   * `break`, `signal` or `stop()` ends it (without unsubscribing).
   */
  stream<TKey extends TriggerKeyOf>(
    key: TKey,
    options: StreamOptions = {},
  ): TriggerStream<ResponseValue<TKey>> {
    checkKey(key)
    return createTriggerStream<ResponseValue<TKey>>({
      key: key.name,
      subscribe: (push) =>
        this.#triggers.add(key, push as TriggerHandler<never>),
      onGap: (gap) => this.#events.emit('gap', gap),
      signal: options.signal,
      stopSignal: this.#lifetime.signal,
      ...(options.bufferSize === undefined
        ? {}
        : { bufferSize: options.bufferSize }),
    })
  }

  /**
   * A live, checksum-verified book, resolved once its snapshot is applied.
   * Shared per symbol; `release()` it when done.
   * @throws {BookSyncError} when the subscription is refused or no snapshot comes.
   */
  book(
    symbol: string,
    options?: BookOptions & { level3?: false | undefined },
  ): Promise<LiveBook>
  book(symbol: string, options: L3BookOptions): Promise<LiveL3Book>
  async book(
    symbol: string,
    options: BookOptions & { level3?: boolean | undefined } = {},
  ): Promise<LiveBook | LiveL3Book> {
    this.#checkActive('book')
    return this.#books.open(
      options.level3 === true ? 'level3' : 'book',
      symbol,
      options.depth ?? 10,
      options.signal,
    )
  }

  /** A snapshot of the client's counters. */
  stats(): KrakenStats {
    const subscriptions = { pending: 0, live: 0, rejected: 0 }
    for (const intent of this.#subscriptions.list())
      subscriptions[intent.state]++
    const connections: Partial<
      Record<TransportEndpoint, Connection['transport']['status']>
    > = {}
    for (const connection of this.#pool.all()) {
      connections[connection.endpoint] = connection.transport.status
    }
    return {
      frames: this.#counters.frames,
      decodeErrors: this.#counters.decodeErrors,
      channels: Object.fromEntries(this.#counters.channels),
      handlers: this.#triggers.stats(),
      reconnects: { ...this.#reconnects },
      resyncs: this.#resyncs,
      books: this.#books.stats(),
      subscriptions,
      connections,
    }
  }

  /**
   * Unsubscribes, closes every socket, ends streams and user tasks, and
   * settles everything pending; `run()` resolves. Leaves no timer or socket.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#shutdown().finally(() => {
      this.#stopping = undefined
    })
    return this.#stopping
  }

  async #shutdown(): Promise<void> {
    this.#lifetime.abort(new ClientStoppedError({ operation: 'the stream' }))
    const dms = this.#deadMansSwitch
    this.#deadMansSwitch = undefined
    if (dms !== undefined) await settleWithin(dms.stop(), STOP_UNSUBSCRIBE_WAIT)
    const unsubscribing: Promise<unknown>[] = []
    for (const connection of this.#pool.all()) {
      if (!connection.isOpen) continue
      for (const params of this.#subscriptions.liveRequests(
        connection.endpoint,
      )) {
        unsubscribing.push(
          this.#subscriptions
            .exchange(connection.endpoint, 'unsubscribe', params)
            .catch(() => {}),
        )
      }
    }
    if (unsubscribing.length > 0) {
      await settleWithin(Promise.all(unsubscribing), STOP_UNSUBSCRIBE_WAIT)
    }
    this.#books.stop()
    this.#desk.stop()
    this.#subscriptions.stop()
    await this.#pool.closeAll()
    await this.#tasks.stop(STOP_TASK_WAIT)
    this.#systems.clear()
    this.#lifetime = new AbortController()
    const running = this.#running
    this.#running = undefined
    running?.cleanup()
    running?.resolve()
  }

  #checkActive(operation: string): void {
    if (this.#stopping !== undefined)
      throw new ClientStoppedError({ operation })
  }

  #onOpen(connection: Connection, isReconnect: boolean): void {
    this.#logger.log('Socket open.', 'info', {
      endpoint: connection.endpoint,
      reconnect: isReconnect,
    })
    if (connection.endpoint === 'private') this.#desk.onPrivateOpen()
    if (isReconnect) {
      this.#reconnects[connection.endpoint]++
      const gap = this.#subscriptions.reconnectGap(connection.endpoint)
      if (gap !== undefined) this.#events.emit('gap', gap)
    }
    this.#subscriptions.replay(connection)
  }

  #onSocketLost(connection: Connection): void {
    connection.abandonAll()
    this.#subscriptions.socketLost(connection.endpoint)
    this.#books.socketLost(connection.endpoint)
  }

  #onSystemStatus(connection: Connection, value: StatusResponse): void {
    const { endpoint } = connection
    const dms = this.#deadMansSwitch
    const startsAt = maintenanceStart(value.upcoming_maintenance, Date.now())
    if (dms !== undefined && startsAt !== undefined) {
      dms.scheduleMaintenance(startsAt)
    }
    const previous = this.#systems.get(endpoint)
    if (previous === value.system) return
    this.#systems.set(endpoint, value.system)
    if (value.system === 'maintenance') {
      this.#pool.setMinReconnectDelay(MAINTENANCE_RECONNECT_DELAY)
    } else if (![...this.#systems.values()].includes('maintenance')) {
      this.#pool.setMinReconnectDelay(0)
    }
    this.#logger.log(
      `System status: ${value.system}.`,
      value.system === 'online' ? 'info' : 'warning',
      { endpoint },
    )
    this.#events.emit('status', {
      endpoint,
      system: value.system,
      previous,
      response: value,
    })
  }
}

function checkKey(key: unknown): void {
  const kind = (key as { kind?: unknown } | null)?.kind
  if (kind !== 'response' && kind !== 'family') {
    throw new TypeError(
      'Expected a response type or family, e.g. TickerUpdateResponse.',
    )
  }
}

function unwrapTime(
  result: { ok: true; value: string } | { ok: false; reason: string },
): string {
  if (!result.ok) throw new RangeError(`${result.reason}.`)
  return result.value
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
