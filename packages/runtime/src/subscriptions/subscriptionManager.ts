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
import type { Connection } from '../connections/connection.js'
import type { ConnectionPool } from '../connections/connectionPool.js'
import type { KrakenSocketsError } from '../errors.js'
import type { ReconnectGap } from '../shared/gap.js'
import type { Logger } from '../shared/logger.js'
import { AckWaiters, type SubscriptionMethod } from './ackWaiters.js'
import { liveOnData, symbolsOfData } from './channelData.js'
import { identityParams } from './paramsKey.js'
import { planReplay } from './replayPlan.js'
import {
  channelEndpoint,
  intentId,
  localAck,
  type SubscriptionAckValue,
  withSymbols,
} from './subscriptionAcks.js'
import { subscribeByDepthPlan } from './subscriptionDepthPlan.js'
import {
  type HeldBookSubscription,
  planBookDepths,
} from './subscriptionDepths.js'
import {
  batchParams,
  SubscriptionDispatcher,
} from './subscriptionDispatcher.js'
import {
  type FrameContext,
  type SendOptions,
  sendSubscriptionFrame,
} from './subscriptionFrame.js'
import {
  type SilenceWindows,
  type SubscriptionHealthEvent,
  SubscriptionLiveness,
} from './subscriptionLiveness.js'
import { type IntentOwner, IntentOwners } from './subscriptionOwners.js'
import {
  createSubscriptionRegistry,
  type SubscriptionIntent,
  type SubscriptionParams,
  type SubscriptionRegistry,
} from './subscriptionRegistry.js'
import { heldBookOf, releaseIntents } from './subscriptionRelease.js'
import {
  failPendingSubscribes,
  intentsOn,
  reconnectGapOf,
} from './subscriptionReplay.js'
import { SubscriptionRetry } from './subscriptionRetry.js'
import { settleAck } from './subscriptionSettle.js'

export type { IntentOwner } from './subscriptionOwners.js'

type Method = SubscriptionMethod

/** Options of {@link SubscriptionManager}. */
export interface SubscriptionManagerConfig {
  readonly pool: ConnectionPool
  readonly timeout: number
  readonly logger: Logger
  readonly reportError: (error: KrakenSocketsError) => void
  /** Per channel, the silence after which a live subscription is resubscribed. */
  readonly silenceWindows: SilenceWindows
  /** A subscription went silent, or was healed (the `subscription` event). */
  readonly onHealth: (event: SubscriptionHealthEvent) => void
  /** Whether a book of `channel` and `symbol` is being (re)synced by its owner. */
  readonly isSyncing?: (channel: string, symbol: string | undefined) => boolean
}

/**
 * Subscriptions: the intents (per channel, symbol and params), the frames
 * that subscribe and unsubscribe them with correlated per-symbol acks, and
 * their replay, batched and paced, whenever a socket (re)opens.
 */
export class SubscriptionManager {
  #config: SubscriptionManagerConfig
  #registry: SubscriptionRegistry = createSubscriptionRegistry()
  #owners = new IntentOwners()
  #lastAcks = new Map<string, SubscriptionAckValue>()
  #dispatcher: SubscriptionDispatcher
  #acks: AckWaiters
  #frames: FrameContext
  #retry: SubscriptionRetry
  #liveness: SubscriptionLiveness

  constructor(config: SubscriptionManagerConfig) {
    this.#config = config
    this.#liveness = new SubscriptionLiveness({
      windows: config.silenceWindows,
      live: () => this.#registry.list().filter((i) => i.state === 'live'),
      isOpen: (endpoint) => this.isOpen(endpoint),
      exchange: (endpoint, method, params) =>
        this.exchange(endpoint, method, params),
      emit: config.onHealth,
      ...(config.isSyncing === undefined
        ? {}
        : { isSyncing: config.isSyncing }),
    })
    this.#acks = new AckWaiters(config.timeout)
    this.#retry = new SubscriptionRetry({
      timer: (callback, ms) => this.#acks.timer(callback, ms),
      retry: (endpoint) => this.#retryPending(endpoint),
    })
    const retry = (channel: string) =>
      this.#retry.schedule(channelEndpoint(channel))
    this.#frames = {
      logger: config.logger,
      acks: this.#acks,
      reportError: config.reportError,
      retry,
      settle: (method, params, symbol, ack, replay) =>
        settleAck(
          {
            registry: this.#registry,
            lastAcks: this.#lastAcks,
            acks: this.#acks,
            logger: config.logger,
            retry,
            reportError: config.reportError,
          },
          { method, params, symbol, ack, replay },
        ),
    }
    this.#dispatcher = new SubscriptionDispatcher({
      send: (connection, params, options) =>
        this.#send(connection, 'subscribe', params, options),
      onConnectFailed: (connection, error) =>
        this.#connectFailed(connection, error),
    })
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
    const plan = planBookDepths(params, (channel, symbol) =>
      this.heldBook(channel, symbol),
    )
    if (plan === undefined) {
      return Promise.all(this.#subscribeEach(params, owner)) as Promise<
        SubscriptionResponse[]
      >
    }
    return subscribeByDepthPlan(plan, params, {
      subscribeEach: (each) => this.#subscribeEach(each, owner),
      logger: this.#config.logger,
    })
  }

  /**
   * The subscription (not refused) of a `book` or `level3` symbol, with its
   * depth and owners: Kraken holds one depth per symbol and socket.
   */
  heldBook(channel: string, symbol: string): HeldBookSubscription | undefined {
    return heldBookOf(this.#registry, this.#owners, channel, symbol)
  }

  /** Records and sends the intents of `params`: one ack wait per symbol. */
  #subscribeEach(
    params: SubscriptionParams,
    owner: IntentOwner,
  ): Promise<SubscriptionAckValue>[] {
    const endpoint = channelEndpoint(params.channel)
    const intents = this.#registry.add(params)
    const connection = this.#config.pool.get(endpoint)
    const waits: Promise<SubscriptionAckValue>[] = []
    const toSend: SubscriptionIntent[] = []
    for (const intent of intents) {
      const id = intentId(intent.channel, intent.symbol, intent.params)
      this.#owners.hold(id, owner)
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
    if (toSend.length > 0) this.#dispatcher.dispatch(connection, toSend)
    return waits
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
    const kept = releaseIntents(
      {
        registry: this.#registry,
        owners: this.#owners,
        lastAcks: this.#lastAcks,
      },
      params,
      symbols,
      owner,
    )
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

  /** Data (decoded `value`) of `channel` arrived: the pending intents it streams are live. */
  dataArrived(channel: string, value: unknown): void {
    const symbols = symbolsOfData(value)
    this.#liveness.seen(channel, symbols)
    liveOnData(
      {
        registry: this.#registry,
        lastAcks: this.#lastAcks,
        acks: this.#acks,
        logger: this.#config.logger,
      },
      channel,
      symbols,
    )
  }

  /** The socket of `endpoint` went away: its live intents become pending. */
  socketLost(endpoint: TransportEndpoint): void {
    this.#dispatcher.abort(endpoint)
    this.#retry.cancel(endpoint)
    this.#liveness.socketLost(endpoint)
    this.#registry.markPending(
      (channel) => channelEndpoint(channel) === endpoint,
    )
  }

  /** What a reconnect of `endpoint` may have cost: its intents, if any. */
  reconnectGap(endpoint: TransportEndpoint): ReconnectGap | undefined {
    return reconnectGapOf(this.#registry, endpoint)
  }

  /** Resubscribes every pending and live intent of the connection's endpoint. */
  replay(connection: Connection): void {
    const intents = intentsOn(
      this.#registry,
      connection.endpoint,
      (state) => state !== 'rejected',
    )
    if (intents.length > 0) this.#dispatcher.dispatch(connection, intents, true)
  }

  /** Live intents, for `stop()` to unsubscribe, grouped as requests. */
  liveRequests(endpoint: TransportEndpoint): SubscriptionParams[] {
    const live = intentsOn(
      this.#registry,
      endpoint,
      (state) => state === 'live',
    )
    return planReplay(live).map(batchParams)
  }

  /** Whether the socket of `endpoint` is open now. */
  isOpen(endpoint: TransportEndpoint): boolean {
    return this.#config.pool.peek(endpoint)?.isOpen === true
  }

  /** Settles everything waiting and forgets every intent. */
  stop(): void {
    this.#liveness.stop()
    this.#retry.stop()
    this.#dispatcher.stop()
    this.#acks.stop()
    this.#registry = createSubscriptionRegistry()
    this.#owners.clear()
    this.#lastAcks.clear()
  }

  /**
   * Resends, as a replay, the pending intents of `endpoint` while its socket
   * is up (else its reopening replays them). Returns how many.
   */
  #retryPending(endpoint: TransportEndpoint): number {
    const connection = this.#config.pool.peek(endpoint)
    if (connection === undefined || !connection.isOpen) return 0
    const pending = intentsOn(
      this.#registry,
      endpoint,
      (state) => state === 'pending',
    )
    if (pending.length > 0) this.#dispatcher.dispatch(connection, pending, true)
    return pending.length
  }

  #direct(connection: Connection): SendOptions {
    return { replay: false, retried: false, generation: connection.generation }
  }

  /** The socket could not connect: its pending subscribes fail with the reason. */
  #connectFailed(connection: Connection, error: unknown): void {
    failPendingSubscribes(this.#registry, this.#acks, connection, error)
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
}
