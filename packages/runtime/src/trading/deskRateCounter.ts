import type { TradingRequest } from '@kraken-sockets/schema'
import type { Logger } from '../shared/logger.js'
import {
  type AdvisoryRateCounter,
  createAdvisoryRateCounter,
} from './advisoryRateCounter.js'
import { NotSentError } from './errors.js'
import type { ExecutionReport } from './executionReport.js'
import type { ExecutionsMessage, OrderTracker } from './orderTrackerTypes.js'
import { rateChargesOf } from './rateCharges.js'
import type { ResolvedTradingOptions } from './tradingOptions.js'

/** Kraken's cost model and tiers (from `@kraken-sockets/schema`). */
export type RateModel = Pick<
  Parameters<typeof createAdvisoryRateCounter>[0],
  'cost' | 'tiers'
>

type RateReport = ExecutionReport & { ratecounter?: unknown }

/** The advisory rate counter `options.trading.rateCounter` asks for, if any. */
export function rateCounterFor(
  options: ResolvedTradingOptions['rateCounter'],
  model: RateModel,
): AdvisoryRateCounter | undefined {
  if (options === false) return undefined
  return createAdvisoryRateCounter({
    ...model,
    mode: options.mode,
    ...(options.maxRateCount === undefined
      ? {}
      : { maxRateCount: options.maxRateCount }),
  })
}

/**
 * Charges `request` to the counter, per symbol.
 * @throws {NotSentError} (`rate_limited`) when the counter refuses it.
 */
export function chargeRequest(
  counter: AdvisoryRateCounter,
  request: TradingRequest,
  tracker: OrderTracker,
  logger: Logger,
): void {
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
      logger.log(verdict.warning, 'warning', { method: request.method })
    }
  }
}

/** Sets the counter to the `ratecounter` values Kraken reports in `executions`. */
export function correctRateCounter(
  counter: AdvisoryRateCounter,
  message: ExecutionsMessage,
  tracker: OrderTracker,
): void {
  for (const report of message.executions as readonly RateReport[]) {
    if (typeof report.ratecounter !== 'number') continue
    const symbol =
      report.symbol ??
      (report.order_id === undefined
        ? undefined
        : tracker.get(report.order_id)?.symbol)
    if (symbol !== undefined) counter.correct(symbol, report.ratecounter)
  }
}
