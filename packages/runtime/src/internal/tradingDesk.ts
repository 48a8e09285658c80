import {
  ExecutionSubscriptionRequest,
  InstrumentsSubscriptionRequest,
  type TradingRequest,
} from '@kraken-sockets/schema'
import type { Latency } from '@kraken-sockets/transport'
import type { ResolvedTradingOptions } from '../options.js'
import {
  type AdvisoryRateCounter,
  createAdvisoryRateCounter,
} from '../trading/advisoryRateCounter.js'
import {
  type ClockOffsetEstimator,
  createClockOffsetEstimator,
} from '../trading/clockOffset.js'
import {
  KrakenRejectedError,
  NotSentError,
  OutcomeUnknownError,
} from '../trading/errors.js'
import type { ExecutionReport } from '../trading/executionReport.js'
import {
  createInstrumentStore,
  type InstrumentStore,
  type InstrumentsMessage,
} from '../trading/instrumentStore.js'
import { createOrderTracker } from '../trading/orderTracker.js'
import type {
  ExecutionsMessage,
  OrderEvent,
  OrderTracker,
} from '../trading/orderTrackerTypes.js'
import { prepareTradingRequest } from '../trading/prepareRequest.js'
import {
  createPrivateSequence,
  type SequencedChannel,
} from '../trading/privateSequence.js'
import { rateChargesOf } from '../trading/rateCharges.js'
import type { SequenceGap } from './gap.js'
import type { Logger } from './logger.js'
import type { SubscriptionManager } from './subscriptionManager.js'
import type { TradingRequests, TradingResponseFor } from './tradingRequests.js'

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
  readonly rateModel: Pick<
    Parameters<typeof createAdvisoryRateCounter>[0],
    'cost' | 'tiers'
  >
}

const PLACING = new Set<string>([
  'add_order',
  'batch_add',
  'amend_order',
  'edit_order',
])

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
  #sequence = createPrivateSequence()
  #feeds: Promise<void> | undefined
  #resubscribing = new Set<SequencedChannel>()

  constructor(config: TradingDeskConfig) {
    this.#config = config
    this.#tracker = this.#newTracker()
    const { rateCounter } = config.options
    this.rateCounter =
      rateCounter === false
        ? undefined
        : createAdvisoryRateCounter({
            ...config.rateModel,
            mode: rateCounter.mode,
            ...(rateCounter.maxRateCount === undefined
              ? {}
              : { maxRateCount: rateCounter.maxRateCount }),
          })
  }

  /** The order tracker (replaced when the client stops). */
  get tracker(): OrderTracker {
    return this.#tracker
  }

  /**
   * Subscribes `instrument` and `executions` (once; the subscriptions are
   * replayed after reconnects) and resolves when both have answered.
   */
  startFeeds(): Promise<void> {
    if (!this.#config.options.track) return Promise.resolve()
    this.#feeds ??= this.#subscribeFeeds()
    return this.#feeds
  }

  /** Readies `request`, sends it, and feeds the outcome to the tracker. */
  async send<TRequest extends TradingRequest>(
    request: TRequest,
  ): Promise<TradingResponseFor<TRequest>> {
    const { method } = request
    const { options } = this.#config
    const feeds = this.startFeeds()
    if (PLACING.has(method) && options.round && options.track) {
      await this.#waitForInstruments(feeds, method)
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
    // A validate-only request places nothing: no order to await, no rate cost.
    const placesOrders = !isValidateOnly(ready)
    if (placesOrders) this.#charge(ready)
    const clOrdIds = placesOrders ? clientOrderIdsOf(ready) : []
    for (const id of clOrdIds) tracker.expect(id)
    const sentAt = Date.now()
    try {
      const ack = await this.#config.sender.send(ready)
      this.#onAck(ack, sentAt, Date.now())
      return ack as TradingResponseFor<TRequest>
    } catch (error) {
      for (const id of clOrdIds) {
        if (error instanceof OutcomeUnknownError) tracker.markOutcomeUnknown(id)
        else if (error instanceof KrakenRejectedError)
          tracker.reject(id, error.error)
        else if (error instanceof NotSentError) tracker.reject(id, error.reason)
      }
      throw error
    }
  }

  /** A decoded response the desk consumes (called before triggers run). */
  observe(name: string, value: unknown): void {
    switch (name) {
      case 'InstrumentsSnapshotResponse':
      case 'InstrumentsUpdateResponse':
        this.instruments.apply(value as InstrumentsMessage)
        break
      case 'ExecutionsSnapshotResponse':
      case 'ExecutionsUpdateResponse':
        this.#onSequenced('executions', value as SequencedValue)
        this.#tracker.apply(value as ExecutionsMessage)
        this.#correctRateCounter(value as ExecutionsMessage)
        break
      case 'BalancesSnapshotResponse':
      case 'BalancesUpdateResponse':
        this.#onSequenced('balances', value as SequencedValue)
        break
      case 'SubscriptionResponse': {
        const ack = value as { result?: { maxratecount?: number } }
        const max = ack.result?.maxratecount
        if (typeof max === 'number') this.rateCounter?.setMaxRateCount(max)
        break
      }
    }
  }

  /** A pong of the private socket's transport: a clock measurement. */
  onPong(latency: Latency): void {
    if (latency.clockOffset === undefined) return
    this.clock.addMeasurement({ offset: latency.clockOffset, rtt: latency.rtt })
  }

  /** The private socket (re)opened: sequences restart with the connection. */
  onPrivateOpen(): void {
    this.#sequence.reset()
  }

  /** The client stopped: pending handles settle `untracked`, state resets. */
  stop(): void {
    this.#tracker.close()
    this.#tracker = this.#newTracker()
    this.#feeds = undefined
    this.#sequence.reset()
    this.#resubscribing.clear()
    this.rateCounter?.reset()
  }

  #newTracker(): OrderTracker {
    const tracker = createOrderTracker({
      onListenerError: this.#config.onListenerError,
    })
    tracker.on(this.#config.onOrderEvent)
    return tracker
  }

  async #subscribeFeeds(): Promise<void> {
    const { subscriptions, options, logger } = this.#config
    const executions = ExecutionSubscriptionRequest({
      snap_orders: true,
      ...(options.rateCounter === false ? {} : { ratecounter: true }),
    })
    const results = await Promise.allSettled([
      subscriptions.subscribe(InstrumentsSubscriptionRequest(), 'trading'),
      subscriptions.subscribe(executions, 'trading'),
    ])
    for (const result of results) {
      const failure =
        result.status === 'rejected'
          ? String(result.reason)
          : result.value.find((ack) => ack.success === false)?.error
      if (failure !== undefined) {
        logger.log('A trading feed could not subscribe.', 'warning', {
          error: failure,
        })
      }
    }
  }

  async #waitForInstruments(feeds: Promise<void>, method: string) {
    if (this.instruments.isLoaded) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#config.timeout)
    })
    const outcome = await Promise.race([
      feeds.then(() => this.instruments.loaded),
      expired,
    ])
    clearTimeout(timer)
    if (outcome === 'timeout' && !this.instruments.isLoaded) {
      throw new NotSentError({
        method,
        code: 'refused',
        reason: `No instrument snapshot arrived within ${this.#config.timeout} ms, so the order cannot be rounded (options.trading.round: false sends orders unrounded).`,
      })
    }
  }

  #charge(request: TradingRequest): void {
    const counter = this.rateCounter
    if (counter === undefined) return
    const tracker = this.#tracker
    const charges = rateChargesOf(request, {
      order: (id) => tracker.get(id),
      ageOf: (id) => tracker.ageOf(id),
    })
    for (const { symbol, transaction } of charges) {
      const verdict = counter.charge(symbol, transaction)
      if (!verdict.ok) {
        throw new NotSentError({
          method: request.method,
          code: 'rate_limited',
          reason: verdict.reason,
        })
      }
      if (verdict.warning !== undefined) {
        this.#config.logger.log(verdict.warning, 'warning', {
          method: request.method,
        })
      }
    }
  }

  #onAck(ack: unknown, sentAt: number, receivedAt: number): void {
    const { time_in, time_out, method, result } = ack as {
      time_in?: string
      time_out?: string
      method: string
      result?: unknown
    }
    if (time_in !== undefined && time_out !== undefined) {
      this.clock.addSample({ sentAt, receivedAt, time_in, time_out })
    }
    if (method !== 'add_order' && method !== 'batch_add') return
    const placed = Array.isArray(result) ? result : [result]
    for (const item of placed) {
      const order = item as { order_id?: unknown; cl_ord_id?: unknown }
      if (typeof order?.order_id !== 'string') continue
      this.#tracker.acknowledge({
        order_id: order.order_id,
        cl_ord_id:
          typeof order.cl_ord_id === 'string' ? order.cl_ord_id : undefined,
      })
    }
  }

  #correctRateCounter(message: ExecutionsMessage): void {
    const counter = this.rateCounter
    if (counter === undefined) return
    for (const report of message.executions as readonly RateReport[]) {
      if (typeof report.ratecounter !== 'number') continue
      const symbol =
        report.symbol ??
        (report.order_id === undefined
          ? undefined
          : this.#tracker.get(report.order_id)?.symbol)
      if (symbol !== undefined) counter.correct(symbol, report.ratecounter)
    }
  }

  #onSequenced(channel: SequencedChannel, value: SequencedValue): void {
    const check = this.#sequence.check(channel, value)
    if (check.ok || check.kind !== 'gap') return
    this.#config.logger.log(
      `Sequence gap on ${channel}: resubscribing.`,
      'warning',
      { expected: check.expected, received: check.received },
    )
    this.#config.onGap({
      source: 'sequence',
      endpoint: 'private',
      channel,
      expected: check.expected,
      received: check.received,
      missed: check.missed,
    })
    void this.#resubscribe(channel)
  }

  /** Unsubscribes and subscribes `channel` again: its snapshot restores the state. */
  async #resubscribe(channel: SequencedChannel): Promise<void> {
    if (this.#resubscribing.has(channel)) return
    const { subscriptions, logger } = this.#config
    const params = subscriptions
      .liveRequests('private')
      .find((live) => live.channel === channel)
    if (params === undefined) return
    this.#resubscribing.add(channel)
    try {
      await subscriptions.exchange('private', 'unsubscribe', {
        channel: params.channel,
      })
      await subscriptions.exchange('private', 'subscribe', params)
    } catch (error) {
      // The socket went away: its replay after the reconnect resubscribes.
      logger.log(`The ${channel} resubscription failed.`, 'warning', {
        error: error instanceof Error ? error.message : String(error),
      })
    } finally {
      this.#resubscribing.delete(channel)
    }
  }
}

type SequencedValue = { type: 'snapshot' | 'update'; sequence?: number }
type RateReport = ExecutionReport & { ratecounter?: unknown }

function clientOrderIdsOf(request: TradingRequest): string[] {
  if (request.method === 'add_order') {
    const id = request.params.cl_ord_id
    return id === undefined ? [] : [id]
  }
  if (request.method === 'batch_add') {
    return request.params.orders.flatMap((order) =>
      order.cl_ord_id === undefined ? [] : [order.cl_ord_id],
    )
  }
  return []
}

/** Whether Kraken is asked only to check the request (`params.validate`). */
function isValidateOnly(request: TradingRequest): boolean {
  if (!('params' in request)) return false
  const { params } = request
  return 'validate' in params && params.validate === true
}
