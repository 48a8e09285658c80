import {
  type BalancesSnapshotResponse,
  type BalancesUpdateResponse,
  type ExecutionsSnapshotResponse,
  type ExecutionsUpdateResponse,
  type InstrumentsSnapshotResponse,
  type InstrumentsUpdateResponse,
  isPlacingMethod,
  type SubscriptionResponse,
  type TradingRequest,
} from '@kraken-sockets/schema'
import type { KrakenPrivateRest, Latency } from '@kraken-sockets/transport'
import type { SequenceGap } from '../shared/gap.js'
import type { Logger } from '../shared/logger.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import type { AdvisoryRateCounter } from './advisoryRateCounter.js'
import {
  type ClockOffsetEstimator,
  createClockOffsetEstimator,
} from './clockOffset.js'
import {
  chargeRequest,
  correctRateCounter,
  type RateModel,
  rateCounterFor,
} from './deskRateCounter.js'
import {
  KrakenRejectedError,
  NotSentError,
  OutcomeUnknownError,
} from './errors.js'
import {
  createInstrumentStore,
  type InstrumentStore,
} from './instrumentStore.js'
import { type LostAdd, settleByRest } from './orderLookup.js'
import { createOrderTracker } from './orderTracker.js'
import type { OrderEvent, OrderTracker } from './orderTrackerTypes.js'
import { prepareTradingRequest } from './prepareRequest.js'
import { SequenceGuard } from './sequenceGuard.js'
import { subscribeTradingFeeds, waitForInstruments } from './tradingFeeds.js'
import type { ResolvedTradingOptions } from './tradingOptions.js'
import { ackFactsOf, tradingRequestFactsOf } from './tradingRequestFacts.js'
import type { TradingRequests } from './tradingRequests.js'
import type { TradingAck, TradingResponseFor } from './tradingResponses.js'

/** Options of {@link TradingDesk}. */
export interface TradingDeskConfig {
  readonly options: ResolvedTradingOptions
  readonly sender: TradingRequests
  readonly subscriptions: SubscriptionManager
  readonly logger: Logger
  /** Time (ms) the first order waits for the instrument snapshot. */
  readonly timeout: number
  /** The private socket's last `status.system`. */
  readonly systemStatus: () => string | undefined
  readonly onOrderEvent: (event: OrderEvent) => void
  readonly onGap: (gap: SequenceGap) => void
  readonly onListenerError: (error: unknown) => void
  /** Kraken's cost model and tiers (from `@kraken-sockets/schema`). */
  readonly rateModel: RateModel
  /** Signed private REST calls, when credentials allow: confirms lost adds. */
  readonly rest?: KrakenPrivateRest | undefined
}

/**
 * The runtime's trading state around {@link TradingRequests}: it readies each
 * request (client order ids, rounding, local refusals, the advisory rate
 * counter), keeps the `instrument` pairs and the open orders from
 * `executions`, checks private sequences (resubscribing after a gap) and
 * estimates Kraken's clock.
 */
export class TradingDesk {
  readonly instruments: InstrumentStore = createInstrumentStore()
  readonly clock: ClockOffsetEstimator = createClockOffsetEstimator()
  readonly rateCounter: AdvisoryRateCounter | undefined
  #tracker: OrderTracker
  #config: TradingDeskConfig
  #sequences: SequenceGuard
  #feeds: Promise<boolean> | undefined
  /** Expiry checks of adds whose answer was lost, cleared on stop. */
  #expiries = new Set<ReturnType<typeof setTimeout>>()
  /** Aborts REST look-ups in flight when the client stops. */
  #lookups = new AbortController()

  constructor(config: TradingDeskConfig) {
    this.#config = config
    this.#tracker = this.#newTracker()
    this.#sequences = new SequenceGuard(config)
    this.rateCounter = rateCounterFor(
      config.options.rateCounter,
      config.rateModel,
    )
  }

  /** The order tracker (replaced when the client stops). */
  get tracker(): OrderTracker {
    return this.#tracker
  }

  /**
   * Subscribes `instrument` and `executions` (once; the subscriptions are
   * replayed after reconnects) and resolves when both have answered. A start
   * that failed is not kept: the next request starts the feeds again.
   */
  startFeeds(): Promise<void> {
    if (!this.#config.options.track) return Promise.resolve()
    if (this.#feeds === undefined) {
      const feeds = subscribeTradingFeeds(this.#config)
      this.#feeds = feeds
      void feeds.then((ok) => {
        if (!ok && this.#feeds === feeds) this.#feeds = undefined
      })
    }
    return this.#feeds.then(() => undefined)
  }

  /** Readies `request`, sends it, and feeds the outcome to the tracker. */
  async send<TRequest extends TradingRequest>(
    request: TRequest,
  ): Promise<TradingResponseFor<TRequest>> {
    const { method } = request
    const { options } = this.#config
    // One deadline for the whole request: pairs, connect, token, answer.
    const deadline = Date.now() + this.#config.timeout
    const feeds = this.startFeeds()
    if (isPlacingMethod(method) && options.round && options.track) {
      await waitForInstruments(
        this.instruments,
        feeds,
        method,
        this.#config.timeout,
      )
    }
    const tracker = this.#tracker
    const prepared = prepareTradingRequest(request, {
      round: options.round,
      pair: (symbol) => this.instruments.get(symbol),
      systemStatus: this.#config.systemStatus(),
      order: (id) => tracker.get(id),
    })
    if (!prepared.ok) {
      throw new NotSentError({
        method,
        code: 'refused',
        reason: prepared.reason,
      })
    }
    const ready = prepared.request
    const facts = tradingRequestFactsOf(ready)
    if (facts.placesOrders && this.rateCounter !== undefined) {
      chargeRequest(this.rateCounter, ready, tracker, this.#config.logger)
    }
    for (const id of facts.newOrderIds) tracker.expect(id)
    const sentAt = Date.now()
    try {
      const ack = await this.#config.sender.send(ready, facts, deadline)
      this.#onAck(ack, sentAt, Date.now())
      return ack as TradingResponseFor<TRequest>
    } catch (error) {
      const until = deadline + options.outcomeGrace
      // The answer was lost; the executions frames may have been too.
      if (error instanceof OutcomeUnknownError)
        this.#sequences.doubtExecutions()
      if (error instanceof OutcomeUnknownError) {
        const lost: LostAdd[] = facts.newOrderIds.map((id) => {
          tracker.markOutcomeUnknown(id, until)
          return { key: id, cl_ord_id: id }
        })
        for (const order_userref of facts.newOrderUserrefs) {
          const key = tracker.markUserrefUnknown(order_userref, until, sentAt)
          lost.push({ key, order_userref, sentAt })
        }
        if (lost.length > 0) this.#expireAt(until, tracker, lost)
      }
      for (const id of facts.newOrderIds) {
        if (error instanceof KrakenRejectedError)
          tracker.reject(id, error.error)
        else if (error instanceof NotSentError) tracker.reject(id, error.reason)
      }
      throw error
    }
  }

  /** `instrument` snapshots and updates: the pairs that rounding reads. */
  applyInstruments(
    value: InstrumentsSnapshotResponse | InstrumentsUpdateResponse,
  ): void {
    this.instruments.apply(value)
  }

  /**
   * `executions` snapshots and updates: the sequence check, the order
   * tracker, and the rate counter's correction from the streamed count.
   */
  applyExecutions(
    value: ExecutionsSnapshotResponse | ExecutionsUpdateResponse,
  ): void {
    this.#sequences.check('executions', value)
    this.#tracker.apply(value)
    if (this.rateCounter !== undefined) {
      correctRateCounter(this.rateCounter, value, this.#tracker)
    }
  }

  /** `balances` snapshots and updates: only their sequence is checked here. */
  checkBalances(
    value: BalancesSnapshotResponse | BalancesUpdateResponse,
  ): void {
    this.#sequences.check('balances', value)
  }

  /** A subscribe ack: `executions` acks carry the tier's `maxratecount`. */
  applySubscriptionAck(value: SubscriptionResponse): void {
    const max = value.result?.maxratecount
    if (typeof max === 'number') this.rateCounter?.setMaxRateCount(max)
  }

  /** A pong of the private socket's transport: a clock measurement. */
  onPong(latency: Latency): void {
    if (latency.clockOffset === undefined) return
    this.clock.addMeasurement({ offset: latency.clockOffset, rtt: latency.rtt })
  }

  /** The private socket (re)opened: sequences restart with the connection. */
  onPrivateOpen(): void {
    this.#sequences.reset()
  }

  /** The client stopped: pending handles settle `untracked`, state resets. */
  stop(): void {
    for (const timer of this.#expiries) clearTimeout(timer)
    this.#expiries.clear()
    this.#lookups.abort()
    this.#lookups = new AbortController()
    this.#tracker.close()
    this.#tracker = this.#newTracker()
    this.#feeds = undefined
    this.#sequences.stop()
    this.rateCounter?.reset()
  }

  /**
   * At `until`, adds still unresolved are asked about by REST when
   * credentials allow; else those a snapshot since did not list are
   * reported `missing` (later snapshots decide the others).
   */
  #expireAt(
    until: number,
    tracker: OrderTracker,
    lost: readonly LostAdd[],
  ): void {
    const timer = setTimeout(
      () => {
        this.#expiries.delete(timer)
        const rest = this.#config.rest
        if (rest === undefined) tracker.expireUnknown()
        else
          settleByRest(rest, tracker, lost, this.#lookups.signal).catch(() =>
            tracker.expireUnknown(),
          )
      },
      Math.max(0, until - Date.now()),
    )
    this.#expiries.add(timer)
  }

  #newTracker(): OrderTracker {
    const tracker = createOrderTracker({
      onListenerError: this.#config.onListenerError,
    })
    tracker.on(this.#config.onOrderEvent)
    return tracker
  }

  #onAck(ack: TradingAck, sentAt: number, receivedAt: number): void {
    const { time_in, time_out, placed } = ackFactsOf(ack)
    if (time_in !== undefined && time_out !== undefined) {
      this.clock.addSample({ sentAt, receivedAt, time_in, time_out })
    }
    for (const order of placed) this.#tracker.acknowledge(order)
  }
}
