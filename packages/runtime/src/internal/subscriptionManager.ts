import {
  type RequestMessage,
  requestEndpoint,
  type SubscriptionRequest,
  type SubscriptionResponse,
  type UnsubscribeRequest,
  type UnsubscribeResponse,
  unsubscribeRequestFor,
} from '@kraken-sockets/schema'
import type { TransportEndpoint } from '@kraken-sockets/transport'
import { AckWaiters, type SubscriptionMethod } from './ackWaiters.js'
import type { Connection } from './connection.js'
import type { ConnectionPool } from './connectionPool.js'
import type { KrakenSocketsError } from './errors.js'
import type { ReconnectGap } from './gap.js'
import type { Logger } from './logger.js'
import { createPacer, type Pacer } from './pacer.js'
import { identityParams } from './paramsKey.js'
import { planReplay } from './replayPlan.js'
import {
  channelEndpoint,
  describeError as describe,
  intentId,
  localAck,
  matchesGiven,
  type SubscriptionAckValue,
  withSymbols,
} from './subscriptionAcks.js'
import { LEVEL3_RATE_PER_SECOND } from './subscriptionCost.js'
import {
  type FrameContext,
  type SendOptions,
  sendSubscriptionFrame,
} from './subscriptionFrame.js'
import {
  createSubscriptionRegistry,
  type SubscriptionIntent,
  type SubscriptionParams,
  type SubscriptionRegistry,
} from './subscriptionRegistry.js'

/** Who holds an intent: the user, or the runtime's own books. */
export type IntentOwner = 'user' | 'book' | 'trading'

type Method = SubscriptionMethod

/** Options of {@link SubscriptionManager}. */
export interface SubscriptionManagerConfig {
  readonly pool: ConnectionPool
  readonly timeout: number
  readonly logger: Logger
  readonly reportError: (error: KrakenSocketsError) => void
}

/**
 * Subscriptions: the intents (per channel, symbol and params), the frames
 * that subscribe and unsubscribe them with correlated per-symbol acks, and
 * their replay, batched and paced, whenever a socket (re)opens.
 */
export class SubscriptionManager {
  #config: SubscriptionManagerConfig
  #registry: SubscriptionRegistry = createSubscriptionRegistry()
  #owners = new Map<string, Set<IntentOwner>>()
  #lastAcks = new Map<string, SubscriptionAckValue>()
  #pacers = new WeakMap<Connection, Pacer>()
  #replays = new Map<TransportEndpoint, AbortController>()
  #acks: AckWaiters
  #frames: FrameContext

  constructor(config: SubscriptionManagerConfig) {
    this.#config = config
    this.#acks = new AckWaiters(config.timeout)
    this.#frames = {
      logger: config.logger,
      acks: this.#acks,
      reportError: config.reportError,
      settle: (method, params, symbol, ack, replay) =>
        this.#settle(method, params, symbol, ack, replay),
    }
  }

  /** Every intent and its state. */
  list(): SubscriptionIntent[] {
    return this.#registry.list()
  }

  /**
   * Records the intents of `request` for `owner`, sends what is not live yet
   * (when its socket is open; else the socket's next open replays it) and
   * resolves with one ack per symbol.
   */
  subscribe(
    request: SubscriptionRequest,
    owner: IntentOwner,
  ): Promise<SubscriptionResponse[]> {
    const params = request.params as SubscriptionParams
    const endpoint = requestEndpoint(request)
    const intents = this.#registry.add(params)
    const connection = this.#config.pool.get(endpoint)
    const waits: Promise<SubscriptionAckValue>[] = []
    const toSend: SubscriptionIntent[] = []
    for (const intent of intents) {
      const id = intentId(intent.channel, intent.symbol, intent.params)
      let owners = this.#owners.get(id)
      if (owners === undefined) {
        owners = new Set()
        this.#owners.set(id, owners)
      }
      owners.add(owner)
      if (intent.state === 'live') {
        waits.push(
          Promise.resolve(
            this.#lastAcks.get(id) ??
              localAck('subscribe', intent.channel, intent.symbol),
          ),
        )
        continue
      }
      waits.push(
        this.#acks.wait('subscribe', id, intent.channel, intent.symbol),
      )
      toSend.push(intent)
    }
    if (toSend.length > 0) this.#dispatch(connection, toSend)
    return Promise.all(waits) as Promise<SubscriptionResponse[]>
  }

  /**
   * Drops `owner`'s hold on the intents `request` covers; the symbols no
   * other owner holds are unsubscribed at Kraken. Resolves with one ack per
   * symbol (a local success for a symbol another owner keeps, or whose
   * socket is closed: nothing is subscribed there).
   */
  unsubscribe(
    request: UnsubscribeRequest | SubscriptionRequest,
    owner: IntentOwner,
  ): Promise<UnsubscribeResponse[]> {
    const unsubscribe =
      request.method === 'subscribe' ? unsubscribeRequestFor(request) : request
    const params = unsubscribe.params as SubscriptionParams
    const wanted = identityParams(params)
    const symbols: (string | undefined)[] =
      params.symbol === undefined ? [undefined] : [...new Set(params.symbol)]
    const kept = new Set<string | undefined>()
    for (const intent of this.#registry.list()) {
      if (intent.channel !== params.channel) continue
      if (!symbols.includes(intent.symbol)) continue
      if (!matchesGiven(intent.params, wanted)) continue
      const id = intentId(intent.channel, intent.symbol, intent.params)
      const owners = this.#owners.get(id)
      owners?.delete(owner)
      if (owners !== undefined && owners.size > 0) {
        kept.add(intent.symbol)
        continue
      }
      this.#owners.delete(id)
      this.#lastAcks.delete(id)
      this.#registry.remove({
        ...intent.params,
        channel: intent.channel,
        symbol: intent.symbol === undefined ? undefined : [intent.symbol],
      })
    }
    const connection = this.#config.pool.peek(
      requestEndpoint(unsubscribe as RequestMessage),
    )
    const toSend = symbols.filter((symbol) => !kept.has(symbol))
    const waits = symbols.map((symbol) => {
      if (kept.has(symbol) || connection === undefined || !connection.isOpen) {
        return Promise.resolve(localAck('unsubscribe', params.channel, symbol))
      }
      return this.#acks.wait(
        'unsubscribe',
        intentId(params.channel, symbol, wanted),
        params.channel,
        symbol,
      )
    })
    if (connection?.isOpen === true && toSend.length > 0) {
      void this.#send(
        connection,
        'unsubscribe',
        withSymbols(params, toSend),
        this.#direct(connection),
      )
    }
    return Promise.all(waits) as Promise<UnsubscribeResponse[]>
  }

  /**
   * Sends one subscribe or unsubscribe frame outside the registry's
   * bookkeeping (a book resync) and resolves with its per-symbol acks.
   * Rejects with a reason when the socket is lost or no answer comes.
   */
  exchange(
    endpoint: TransportEndpoint,
    method: Method,
    params: SubscriptionParams,
  ): Promise<SubscriptionAckValue[]> {
    const connection = this.#config.pool.peek(endpoint)
    if (connection === undefined || !connection.isOpen) {
      return Promise.reject(new Error('The socket is not open.'))
    }
    return new Promise((resolve, reject) => {
      void this.#send(connection, method, params, {
        ...this.#direct(connection),
        onDone: resolve,
        onFail: (reason) => reject(new Error(reason)),
      })
    })
  }

  /** The socket of `endpoint` went away: its live intents become pending. */
  socketLost(endpoint: TransportEndpoint): void {
    this.#replays.get(endpoint)?.abort()
    this.#replays.delete(endpoint)
    this.#registry.markPending(
      (channel) => channelEndpoint(channel) === endpoint,
    )
  }

  /** What a reconnect of `endpoint` may have cost: its intents, if any. */
  reconnectGap(endpoint: TransportEndpoint): ReconnectGap | undefined {
    const subscriptions = this.#registry
      .list()
      .filter(
        (intent) =>
          intent.state !== 'rejected' &&
          channelEndpoint(intent.channel) === endpoint,
      )
      .map(({ channel, symbol }) => ({ channel, symbol }))
    if (subscriptions.length === 0) return undefined
    const symbols = new Set<string>()
    for (const { symbol } of subscriptions) {
      if (symbol !== undefined) symbols.add(symbol)
    }
    return {
      source: 'reconnect',
      endpoint,
      subscriptions,
      channels: [...new Set(subscriptions.map(({ channel }) => channel))],
      symbols: [...symbols],
    }
  }

  /** Resubscribes every pending and live intent of the connection's endpoint. */
  replay(connection: Connection): void {
    const intents = this.#registry
      .list()
      .filter(
        (intent) =>
          intent.state !== 'rejected' &&
          channelEndpoint(intent.channel) === connection.endpoint,
      )
    if (intents.length > 0) this.#dispatch(connection, intents, true)
  }

  /** Live intents, for `stop()` to unsubscribe, grouped as requests. */
  liveRequests(endpoint: TransportEndpoint): SubscriptionParams[] {
    const live = this.#registry
      .list()
      .filter(
        (intent) =>
          intent.state === 'live' &&
          channelEndpoint(intent.channel) === endpoint,
      )
    return planReplay(live).map((batch) =>
      withSymbols(
        { ...batch.params, channel: batch.channel },
        batch.symbols.length === 0 ? [undefined] : batch.symbols,
      ),
    )
  }

  /** Settles everything waiting and forgets every intent. */
  stop(): void {
    for (const controller of this.#replays.values()) controller.abort()
    this.#replays.clear()
    this.#acks.stop()
    this.#registry = createSubscriptionRegistry()
    this.#owners.clear()
    this.#lastAcks.clear()
  }

  #direct(connection: Connection): SendOptions {
    return { replay: false, retried: false, generation: connection.generation }
  }

  /** Sends intents in batches under the connection's pacer, or connects. */
  #dispatch(
    connection: Connection,
    intents: readonly SubscriptionIntent[],
    replay = false,
  ): void {
    if (!connection.isOpen) {
      if (connection.transport.status === 'idle') this.#connect(connection)
      return
    }
    const batches = planReplay(intents)
    const generation = connection.generation
    let controller = this.#replays.get(connection.endpoint)
    if (controller === undefined) {
      controller = new AbortController()
      this.#replays.set(connection.endpoint, controller)
    }
    const { signal } = controller
    const pacer = this.#pacer(connection)
    void (async () => {
      for (const batch of batches) {
        try {
          await pacer.acquire(batch.cost, signal)
        } catch {
          return // The socket was lost or the client stopped: replay covers it.
        }
        if (connection.generation !== generation) return
        await this.#send(
          connection,
          'subscribe',
          withSymbols(
            { ...batch.params, channel: batch.channel },
            batch.symbols.length === 0 ? [undefined] : batch.symbols,
          ),
          { replay, retried: false, generation },
        )
      }
    })()
  }

  #connect(connection: Connection): void {
    connection.transport.connect().catch((error: unknown) => {
      // The open event replays on success; on failure, say so to waiters.
      const reason = `The ${connection.endpoint} socket could not connect: ${describe(error)}`
      for (const intent of this.#registry.list()) {
        if (channelEndpoint(intent.channel) !== connection.endpoint) continue
        if (intent.state !== 'pending') continue
        const id = intentId(intent.channel, intent.symbol, intent.params)
        this.#acks.notify(
          'subscribe',
          id,
          localAck('subscribe', intent.channel, intent.symbol, reason),
        )
      }
    })
  }

  #pacer(connection: Connection): Pacer {
    let pacer = this.#pacers.get(connection)
    if (pacer === undefined) {
      // level3 counts per symbol by depth (200 per second, standard tier);
      // other channels' limit is undocumented: a modest request rate.
      pacer =
        connection.endpoint === 'level3'
          ? createPacer({
              capacity: LEVEL3_RATE_PER_SECOND,
              refillPerSecond: LEVEL3_RATE_PER_SECOND,
            })
          : createPacer({ capacity: 20, refillPerSecond: 10 })
      this.#pacers.set(connection, pacer)
    }
    return pacer
  }

  /** Sends one frame and correlates its per-symbol acks. */
  #send(
    connection: Connection,
    method: Method,
    params: SubscriptionParams,
    options: SendOptions,
  ): Promise<void> {
    return sendSubscriptionFrame(
      this.#frames,
      connection,
      method,
      params,
      options,
    )
  }

  #settle(
    method: Method,
    params: SubscriptionParams,
    symbol: string | undefined,
    ack: SubscriptionAckValue,
    replay: boolean,
  ): void {
    const { channel } = params
    const identity = identityParams(params)
    const id = intentId(channel, symbol, identity)
    if (method === 'unsubscribe') {
      this.#acks.notify(method, id, ack)
      return
    }
    const intent = this.#registry.applyAck({
      params,
      symbol,
      success: ack.success !== false,
      error: ack.error,
      replay,
    })
    let delivered = ack
    if (intent?.state === 'live') {
      // `Already subscribed` on a replay: the subscription is live.
      if (ack.success === false) delivered = localAck(method, channel, symbol)
      this.#lastAcks.set(id, delivered)
    } else if (intent?.state === 'rejected') {
      this.#config.logger.log('Subscription rejected.', 'warning', {
        channel,
        symbol,
        error: ack.error,
        req_id: ack.req_id,
      })
    }
    this.#acks.notify(method, id, delivered)
  }
}
