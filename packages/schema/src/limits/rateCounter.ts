import { createDecayingCounters } from './decayingCounters.js'
import { RATE_TIERS, type RateTier, type RateTierLimits } from './rateTiers.js'
import { type RateTransaction, transactionCost } from './transactionCost.js'

/** Options of {@link createRateCounter}. */
export type RateCounterConfig = {
  /**
   * The account tier, or custom limits.
   * @default 'starter'
   */
  readonly tier?: RateTier | RateTierLimits
  /**
   * The clock (ms since the epoch).
   * @default Date.now
   */
  readonly now?: () => number
}

/** The outcome of {@link RateCounter.charge}. */
export type RateCharge = {
  /** `false` when the transaction would push the counter past the threshold. */
  readonly ok: boolean
  /** The counter after the charge (unchanged when refused). */
  readonly count: number
  /** What the transaction costs. */
  readonly cost: number
}

/** Kraken's per-pair trading rate counters for one account. */
export type RateCounter = {
  /** The tier's limits in force. */
  readonly limits: RateTierLimits
  /** The highest value the counter may reach, as the executions ack's `maxratecount`. */
  readonly maxRateCount: number
  /** The pair's counter now, after decay. */
  count(pair: string): number
  /** Whether `transaction` on `pair` would be refused now, without charging it. */
  wouldExceed(pair: string, transaction: RateTransaction): boolean
  /**
   * Charges `transaction` to `pair` unless that would exceed the threshold,
   * in which case nothing is charged and Kraken answers
   * `EOrder:Rate limit exceeded`.
   */
  charge(pair: string, transaction: RateTransaction): RateCharge
  /** Forgets every pair's counter. */
  reset(): void
}

/**
 * Creates Kraken's per-pair trading rate counters: each transaction adds
 * its cost, the counter decays each second by the tier's rate, and a
 * transaction that would take it above the threshold is refused.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ratelimits
 * @example
 * ```ts
 * import { createRateCounter } from '@kraken-sockets/schema'
 *
 * const counter = createRateCounter({ tier: 'intermediate' })
 * const { ok } = counter.charge('BTC/USD', { type: 'add' })
 * ```
 */
export function createRateCounter(config: RateCounterConfig = {}): RateCounter {
  const tier = config.tier ?? 'starter'
  const limits = typeof tier === 'string' ? RATE_TIERS[tier] : tier
  const now = config.now ?? Date.now
  const pairs = createDecayingCounters(() => limits.decayPerSecond)
  const current = (pair: string, at: number) => pairs.valueAt(pair, at)

  return {
    limits,
    maxRateCount: limits.threshold,
    count: (pair) => current(pair, now()),
    wouldExceed(pair, transaction) {
      return (
        current(pair, now()) + transactionCost(transaction) > limits.threshold
      )
    },
    charge(pair, transaction) {
      const at = now()
      const cost = transactionCost(transaction)
      const before = current(pair, at)
      if (before + cost > limits.threshold)
        return { ok: false, count: before, cost }
      const value = before + cost
      pairs.set(pair, value, at)
      return { ok: true, count: value, cost }
    },
    reset: () => pairs.clear(),
  }
}
