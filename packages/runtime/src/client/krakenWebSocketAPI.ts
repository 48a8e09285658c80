import type {
  Pair,
  ResponseValue,
  SubscriptionRequest,
  SubscriptionResponse,
  TradingRequest,
  UnsubscribeRequest,
  UnsubscribeResponse,
} from '@kraken-sockets/schema'
import type { EmitterListener as Listener } from '@kraken-sockets/transport'
import type {
  BookOptions,
  L3BookOptions,
  LiveBook,
  LiveL3Book,
} from '../books/liveBook.js'
import { BookSyncError, isUnknownPairReason } from '../errors.js'
import type { LogContext, LogSink } from '../shared/logger.js'
import type { LogLevel } from '../shared/logLevel.js'
import type { UserTask } from '../shared/taskGroup.js'
import type { AssetBalance } from '../state/balanceState.js'
import {
  type ChannelKey,
  type ChannelValue,
  isChannelKey,
} from '../state/channelKey.js'
import type { Instruments } from '../state/instrumentState.js'
import type { LatestTicker } from '../state/tickerState.js'
import type { AdvisoryRateCounter } from '../trading/advisoryRateCounter.js'
import type { ClockOffsetEstimator } from '../trading/clockOffset.js'
import type { DeadMansSwitch } from '../trading/deadMansSwitch.js'
import type { TrackedOrder } from '../trading/executionReport.js'
import type { OrderHandle } from '../trading/orderHandle.js'
import type { OrderEvent } from '../trading/orderTrackerTypes.js'
import type {
  PlacedOrder,
  TradingResponseFor,
} from '../trading/tradingResponses.js'
import {
  createTriggerDecorator,
  type TriggerMethodDecorator,
} from '../triggers/triggerDecorator.js'
import type { TriggerHandler } from '../triggers/triggerKey.js'
import type { CatchAllItem } from '../triggers/triggerRegistry.js'
import {
  createTriggerStream,
  type TriggerStream,
} from '../triggers/triggerStream.js'
import { addChannelHandler, addChannelSink } from './channelTriggers.js'
import { type ClientCore, createClientCore } from './clientCore.js'
import { ClientLifecycle } from './clientLifecycle.js'
import { clientStats } from './clientStats.js'
import type {
  DeadMansSwitchOptions,
  FrameItem,
  RunOptions,
  StreamOptions,
  TriggerKeyOf,
} from './clientTypes.js'
import type { KrakenEventMap, KrakenStats } from './events.js'
import type { KrakenWebSocketAPIOptions } from './options.js'

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
  #core: ClientCore
  #lifecycle: ClientLifecycle

  /** @param options Every option is optional; see {@link KrakenWebSocketAPIOptions}. */
  constructor(options: KrakenWebSocketAPIOptions = {}) {
    this.#core = createClientCore(options)
    this.#lifecycle = new ClientLifecycle(this.#core)
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
   *
   * A channel key (`TickerChannel`, `BookChannel`, `TradesChannel`, ...)
   * takes the channel's snapshot and its updates on one queue, in the order
   * they arrived, so a handler never misses the first values:
   * ```ts
   * kraken.trigger(TickerChannel, (ticker) => kraken.log(`${ticker.type} ${ticker.symbol} ${ticker.last}`))
   * ```
   */
  trigger<TKey extends ChannelKey>(
    key: TKey,
    handler: (response: ChannelValue<TKey>) => unknown,
  ): () => void
  trigger<TKey extends ChannelKey>(
    key: TKey,
  ): TriggerMethodDecorator<ChannelValue<TKey>>
  trigger<TKey extends TriggerKeyOf>(
    key: TKey,
    handler: (response: ResponseValue<TKey>) => unknown,
  ): () => void
  trigger<TKey extends TriggerKeyOf>(
    key: TKey,
  ): TriggerMethodDecorator<ResponseValue<TKey>>
  trigger<TKey extends TriggerKeyOf | ChannelKey>(
    key: TKey,
    handler?: (response: never) => unknown,
  ): (() => void) | TriggerMethodDecorator<unknown> {
    if (isChannelKey(key)) {
      const register = (method: (value: never) => unknown) =>
        addChannelHandler(this.#core.triggers, key, method, {
          queueSize: this.#core.queueSize,
          onError: this.#core.reportError,
          onGap: (gap) => this.#core.events.emit('gap', gap),
        })
      if (handler === undefined)
        return createTriggerDecorator<unknown>(register)
      return register(handler)
    }
    checkKey(key)
    if (handler === undefined) {
      return createTriggerDecorator<unknown>((method) =>
        this.#core.triggers.add(key, method as TriggerHandler<never>),
      )
    }
    return this.#core.triggers.add(key, handler as TriggerHandler<never>)
  }

  /**
   * Calls `handler` with every response of every socket and every frame
   * that failed to decode (with its raw text). Returns the remover.
   */
  onFrame(handler: (item: FrameItem) => unknown): () => void {
    return this.#core.triggers.addCatchAll(
      handler as TriggerHandler<CatchAllItem>,
    )
  }

  /** Replaces the logger: `handler(message, level, context)`, already redacted. */
  userLogger(handler: LogSink | undefined): void {
    this.#core.logger.setSink(handler)
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
    this.#core.tasks.add(task)
  }

  /** Alias of {@link userTask}, as the Python library names it. */
  user_task(task: UserTask): void {
    this.userTask(task)
  }

  /** Logs through the client's logger (secrets redacted). */
  log(message: string, level: LogLevel = 'info', context?: LogContext): void {
    this.#core.logger.log(message, level, context)
  }

  /** Adds an event listener; returns its remover. See {@link KrakenEventMap}. */
  on<TEvent extends keyof KrakenEventMap>(
    event: TEvent,
    listener: Listener<KrakenEventMap[TEvent]>,
  ): () => void {
    return this.#core.events.on(event, listener)
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
    return this.#lifecycle.run(subscriptions, options, (request) =>
      this.subscribe(request),
    )
  }

  /**
   * Subscribes and resolves with Kraken's acks, one per symbol. A refused
   * symbol is an ack with `success: false` (also after a timeout), not a
   * rejection. The subscription is replayed after every reconnect. A `book`
   * or `level3` symbol already live at another depth (one depth per symbol
   * and socket) is refused locally, with an ack saying why; at the same
   * depth it shares the live subscription.
   * @throws {SubscriptionLimitError} beyond 200 level3 symbols.
   */
  async subscribe(
    request: SubscriptionRequest,
  ): Promise<SubscriptionResponse[]> {
    this.#checkActive('subscribe()')
    if (request?.method !== 'subscribe') {
      throw new TypeError(
        'subscribe() takes a subscription request, e.g. TickerSubscriptionRequest([...]).',
      )
    }
    const acks = await this.#core.subscriptions.subscribe(request, 'user')
    return Promise.all(acks.map((ack) => this.#withAckHint(ack)))
  }

  /** A refused ack for an unknown pair, its `error` followed by a hint when one fits. */
  async #withAckHint(ack: SubscriptionResponse): Promise<SubscriptionResponse> {
    const { error, symbol } = ack as { error?: string; symbol?: string }
    if (ack.success !== false || error === undefined || symbol === undefined)
      return ack
    if (!isUnknownPairReason(error)) return ack
    const hint = await this.#core.state.symbolHint(symbol)
    return hint === undefined ? ack : { ...ack, error: `${error}. ${hint}` }
  }

  /**
   * Unsubscribes (takes an unsubscribe request, or the subscription to undo)
   * and resolves with Kraken's acks, one per symbol. Books the runtime
   * manages stay subscribed.
   */
  async unsubscribe(
    request: UnsubscribeRequest | SubscriptionRequest,
  ): Promise<UnsubscribeResponse[]> {
    this.#checkActive('unsubscribe()')
    if (request?.method !== 'unsubscribe' && request?.method !== 'subscribe') {
      throw new TypeError(
        'unsubscribe() takes an unsubscribe or subscription request.',
      )
    }
    return this.#core.subscriptions.unsubscribe(request, 'user')
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
   * const outcome = await kraken.order(ack.result.order_id ?? '').done
   * ```
   */
  request<TRequest extends TradingRequest>(
    request: TRequest,
  ): Promise<TradingResponseFor<TRequest>> {
    try {
      this.#checkActive('request()')
    } catch (error) {
      return Promise.reject(error)
    }
    return this.#core.desk.send(request)
  }

  /**
   * Places one order (`add_order`, as {@link KrakenWebSocketAPI.request}) and
   * resolves with Kraken's ack and the order's live handle, so a bot never
   * digs an id out of the ack. Rejects as `request()` does.
   *
   * @example
   * ```ts
   * const { ack, order } = await kraken.place(AddOrderRequest({ order_type: 'limit', side: 'buy', symbol: 'BTC/USD', order_qty: '0.0001', limit_price: '26500.4' }))
   * kraken.log(`placed ${ack.result.order_id}`)
   * const { status } = await order.done
   * ```
   */
  async place(
    request: Extract<TradingRequest, { method: 'add_order' }>,
  ): Promise<PlacedOrder> {
    if (request?.method !== 'add_order') {
      throw new TypeError(
        'place() takes an add_order request, e.g. AddOrderRequest({...}); send others with request().',
      )
    }
    const ack = await this.request(request)
    const id = ack.result.cl_ord_id ?? ack.result.order_id ?? ''
    return { ack, order: this.#core.desk.tracker.track(id, { known: true }) }
  }

  /** Open orders by `order_id`, merged from the executions channel; read-only and live. */
  get orders(): ReadonlyMap<string, TrackedOrder> {
    return this.#core.desk.tracker.openOrders
  }

  /**
   * A handle on an order (by `order_id` or `cl_ord_id`): its state, its
   * fills, and `done` (how it ended) / `filled` (rejects unless filled).
   * An empty id, or one that is neither open, recently closed nor awaited
   * once the executions snapshot arrived, settles `missing` at once.
   *
   * @example
   * ```ts
   * const handle = kraken.order(ack.result.cl_ord_id)
   * for await (const fill of handle.fills()) kraken.log(`${fill.last_qty} @ ${fill.last_price}`)
   * const { status } = await handle.done
   * ```
   */
  order(id: string): OrderHandle {
    return this.#core.desk.tracker.track(id)
  }

  /**
   * Calls `listener` with each order event (opened, updated, fill, closed,
   * resolved, missing, unmatched), of every order or of the order `id`
   * (`order_id` or `cl_ord_id`). Returns the remover.
   */
  onOrder(listener: (event: OrderEvent) => void, id?: string): () => void {
    return this.#core.desk.tracker.on(listener, id)
  }

  /**
   * The `instrument` channel's pairs by symbol, once trading has started;
   * {@link KrakenWebSocketAPI.loadInstruments} loads them on demand.
   */
  get instruments(): ReadonlyMap<string, Pair> {
    return this.#core.desk.instruments.pairs
  }

  /**
   * Kraken's pairs and assets, loaded on demand: subscribes the `instrument`
   * channel unless something already did, and resolves once its snapshot
   * arrived (at once after that). The maps stay live: updates change them.
   * @throws {KrakenError} Kraken refused the subscription.
   * @throws {ClientStoppedError} the client stopped first (or had stopped).
   * @example
   * ```ts
   * const { pairs, assets } = await kraken.loadInstruments()
   * kraken.log(`BTC/USD moves in steps of ${pairs.get('BTC/USD')?.price_increment}; ${assets.size} assets`)
   * ```
   */
  async loadInstruments(
    options: { signal?: AbortSignal } = {},
  ): Promise<Instruments> {
    this.#checkActive('loadInstruments()')
    return this.#core.state.loadInstruments(options.signal)
  }

  /**
   * The latest ticker of `symbol` (snapshot or update, with `timestamp_ms`
   * beside Kraken's `timestamp`), or undefined before the first one. Kept
   * for every subscribed ticker symbol; subscribe with
   * `TickerSubscriptionRequest`.
   */
  ticker(symbol: string): LatestTicker | undefined {
    return this.#core.state.tickers.get(symbol)
  }

  /** Every ticker symbol's latest ticker, as of now (a new map on each read). */
  get tickers(): ReadonlyMap<string, LatestTicker> {
    return this.#core.state.tickers.all
  }

  /**
   * The latest ticker of `symbol` now, or the first one to arrive (it does
   * not subscribe: subscribe the symbol's ticker too).
   * @throws {ClientStoppedError} the client stopped first.
   * @example
   * ```ts
   * void kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
   * const { last } = await kraken.firstTicker('BTC/USD', { signal: AbortSignal.timeout(10_000) })
   * ```
   */
  async firstTicker(
    symbol: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<LatestTicker> {
    this.#checkActive('firstTicker()')
    return this.#core.state.tickers.first(symbol, options.signal)
  }

  /**
   * Balances by asset from the `balances` channel: its snapshot, then each
   * ledger entry's new balance, exactly as Kraken stated them (never summed
   * here). Empty until the snapshot of a `BalancesSubscriptionRequest`.
   */
  get balances(): ReadonlyMap<string, AssetBalance> {
    return this.#core.state.balances.all
  }

  /**
   * Kraken's clock as estimated from acks' `time_in`/`time_out` and the
   * private socket's pongs: `offset` (Kraken minus local, ms), `rtt`, `now()`,
   * and result-returning `deadline`, `expireTime`, `effectiveTime`.
   */
  get clock(): ClockOffsetEstimator {
    return this.#core.desk.clock
  }

  /** Kraken's clock minus the local clock (ms); 0 until measured. */
  get clockOffset(): number {
    return this.#core.desk.clock.offset
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
    return unwrapTime(this.#core.desk.clock.deadline(ms))
  }

  /**
   * An `expire_time` (GTD) for a local instant, in Kraken's clock (RFC3339 to the second).
   * @throws {RangeError} when `at` is past or more than a month ahead.
   */
  expireTime(at: number | Date): string {
    return unwrapTime(this.#core.desk.clock.expireTime(at))
  }

  /**
   * An `effective_time` (scheduled start) for a local instant, in Kraken's clock.
   * @throws {RangeError} when `at` is not in the future.
   */
  effectiveTime(at: number | Date): string {
    return unwrapTime(this.#core.desk.clock.effectiveTime(at))
  }

  /** The advisory rate counter, when `options.trading.rateCounter` is set. */
  get rateCounter(): AdvisoryRateCounter | undefined {
    return this.#core.desk.rateCounter
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
    this.#checkActive('deadMansSwitch()')
    return this.#core.deadMansSwitch.arm(options)
  }

  /** Alias of {@link KrakenWebSocketAPI.request}. */
  trade<TRequest extends TradingRequest>(
    request: TRequest,
  ): Promise<TradingResponseFor<TRequest>> {
    return this.request(request)
  }

  /**
   * The responses of `key` as an async iterable with a bounded buffer.
   * `break`, `signal` or `stop()` ends it (without unsubscribing). A channel
   * key (`TickerChannel`, ...) yields the channel's snapshots and updates in
   * the order they arrived (`value.type` tells them apart).
   *
   * @example
   * ```ts
   * for await (const ticker of kraken.stream(TickerChannel)) kraken.log(`${ticker.symbol} ${ticker.last}`)
   * ```
   */
  stream<TKey extends ChannelKey>(
    key: TKey,
    options?: StreamOptions,
  ): TriggerStream<ChannelValue<TKey>>
  stream<TKey extends TriggerKeyOf>(
    key: TKey,
    options?: StreamOptions,
  ): TriggerStream<ResponseValue<TKey>>
  stream<TKey extends TriggerKeyOf | ChannelKey>(
    key: TKey,
    options: StreamOptions = {},
  ): TriggerStream<unknown> {
    if (!isChannelKey(key)) checkKey(key)
    return createTriggerStream<unknown>({
      key: key.name,
      subscribe: (push) =>
        isChannelKey(key)
          ? addChannelSink(this.#core.triggers, key, push)
          : this.#core.triggers.add(key, push as TriggerHandler<never>),
      onGap: (gap) => this.#core.events.emit('gap', gap),
      signal: options.signal,
      stopSignal: this.#lifecycle.signal,
      ...(options.bufferSize === undefined
        ? {}
        : { bufferSize: options.bufferSize }),
    })
  }

  /**
   * A live, checksum-verified book, resolved once its snapshot is applied.
   * Shared per symbol; `release()` it when done.
   *
   * Kraken allows one book depth per symbol and socket. When you already
   * subscribed the symbol's book yourself at a depth that covers `depth`,
   * the book reuses your subscription: nothing more is subscribed while it
   * is pending; once live, the runtime unsubscribes and subscribes again at
   * your depth for a fresh snapshot (your handlers see it too). Releasing
   * the book never unsubscribes yours, and your `unsubscribe()` does not end
   * the book.
   * @throws {BookDepthConflictError} at once, sending nothing, when the
   * symbol is subscribed at a smaller depth by you (or by a book you share
   * with your own subscription): ask for at most `liveDepth`, or unsubscribe.
   * @throws {BookSyncError} when the subscription is refused or no snapshot
   * comes, or when your own subscription has `snapshot: false`.
   * @throws {RangeError} when `depth` is not an integer from 1 to 1000.
   * @example
   * ```ts
   * await kraken.subscribe(BookSubscriptionRequest(['BTC/USD'], { depth: 25 }))
   * const book = await kraken.book('BTC/USD', { depth: 10 }) // shares the depth-25 feed
   * kraken.log(`Best bid: ${book.bestBid?.price}`)
   * await book.release() // your subscription stays
   * ```
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
    this.#checkActive('book()')
    try {
      return await this.#core.books.open(
        options.level3 === true ? 'level3' : 'book',
        symbol,
        options.depth ?? 10,
        options.signal,
      )
    } catch (error) {
      throw await this.#withBookHint(error)
    }
  }

  /** A snapshot of the client's counters. */
  stats(): KrakenStats {
    return clientStats(this.#core)
  }

  /**
   * Unsubscribes, closes every socket, ends streams and user tasks, and
   * settles everything pending; `run()` resolves. Leaves no timer or socket.
   */
  stop(): Promise<void> {
    return this.#lifecycle.stop()
  }

  /** An unknown pair's `BookSyncError`, with a hint when one fits. */
  async #withBookHint(error: unknown): Promise<unknown> {
    if (!(error instanceof BookSyncError) || !error.unknownPair) return error
    const hint = await this.#core.state.symbolHint(error.symbol)
    if (hint === undefined) return error
    return new BookSyncError({
      symbol: error.symbol,
      channel: error.channel,
      reason: error.reason,
      hint,
      cause: error.cause,
    })
  }

  #checkActive(operation: string): void {
    this.#lifecycle.checkActive(operation)
  }
}

function checkKey(key: unknown): void {
  const kind = (key as { kind?: unknown } | null)?.kind
  if (kind !== 'response' && kind !== 'family') {
    throw new TypeError(
      'Expected a response type or family, e.g. TickerUpdateResponse, or a channel key, e.g. TickerChannel.',
    )
  }
}

function unwrapTime(
  result: { ok: true; value: string } | { ok: false; reason: string },
): string {
  if (!result.ok) throw new RangeError(`${result.reason}.`)
  return result.value
}
