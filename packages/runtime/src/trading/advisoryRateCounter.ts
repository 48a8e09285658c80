import {
  createDecayingCounters,
  type RateTierLimits,
  type RateTransaction,
} from '@kraken-sockets/schema'

/**
 * A trading transaction as Kraken's rate counter prices it (ages in ms since
 * the order was created or last amended): schema's `RateTransaction`.
 */
export type RateTransactionLike = RateTransaction

/** One tier's limits: schema's `RateTierLimits`. */
export type RateTierLike = Pick<RateTierLimits, 'decayPerSecond' | 'threshold'>

/** Options of {@link createAdvisoryRateCounter}. */
export type AdvisoryRateCounterConfig = {
  /** Kraken's cost model: pass `transactionCost` from `@kraken-sockets/schema`. */
  cost: (transaction: RateTransactionLike) => number
  /** Kraken's tiers: pass `Object.values(RATE_TIERS)` from `@kraken-sockets/schema`. */
  tiers: readonly RateTierLike[]
  /**
   * What happens when a transaction would push a pair's counter past the
   * threshold: `warn` charges it and says so, `refuse` does not charge it and
   * the caller should not send it.
   * @default 'warn'
   */
  mode?: 'warn' | 'refuse'
  /**
   * The tier's threshold until the executions ack gives `maxratecount`; the
   * lowest tier by default.
   */
  maxRateCount?: number
  /**
   * The clock (ms since the epoch).
   * @default Date.now
   */
  now?: () => number
}

/** The verdict of {@link AdvisoryRateCounter.charge}. */
export type RateVerdict =
  | { ok: true; count: number; cost: number; warning?: string }
  | { ok: false; count: number; cost: number; reason: string }

/** A client-side estimate of Kraken's per-pair trading rate counter. */
export type AdvisoryRateCounter = {
  /** The threshold in force (`maxratecount`). */
  readonly threshold: number
  /** The pair's estimated counter now, after decay. */
  count(symbol: string): number
  /** Sets the tier from the executions subscription ack's `maxratecount`. */
  setMaxRateCount(maxRateCount: number): void
  /** Replaces the pair's estimate with the counter Kraken streamed (`ratecounter: true`). */
  correct(symbol: string, count: number): void
  /** Prices `transaction` on `symbol` and charges it unless refused (see `mode`). */
  charge(symbol: string, transaction: RateTransactionLike): RateVerdict
  /** Forgets every pair. */
  reset(): void
}

/**
 * Creates an advisory rate counter: an estimate of Kraken's per-pair trading
 * counter (each transaction adds its cost, the counter decays each second at
 * the tier's rate), used to warn or refuse **before** Kraken would answer
 * `EOrder:Rate limit exceeded`. It is advisory: the counter is shared with
 * REST and FIX, so it is corrected from Kraken's streamed `ratecounter`
 * whenever one arrives. The tier is the one whose threshold equals
 * `maxratecount` (an unlisted value keeps that threshold with the decay of
 * the highest tier below it).
 *
 * @example
 * ```ts
 * import { RATE_TIERS, transactionCost } from '@kraken-sockets/schema'
 *
 * const rate = createAdvisoryRateCounter({ cost: transactionCost, tiers: Object.values(RATE_TIERS), mode: 'refuse' })
 * const verdict = rate.charge('BTC/USD', { type: 'add' })
 * if (!verdict.ok) throw new NotSentError({ method: 'add_order', reason: verdict.reason, code: 'rate_limited' })
 * ```
 */
export function createAdvisoryRateCounter(
  config: AdvisoryRateCounterConfig,
): AdvisoryRateCounter {
  const tiers = [...config.tiers].sort((a, b) => a.threshold - b.threshold)
  const first = tiers[0]
  if (first === undefined)
    throw new RangeError('tiers must list at least one tier.')
  const lowest: RateTierLike = first
  const mode = config.mode ?? 'warn'
  const now = config.now ?? Date.now
  let tier: RateTierLike = lowest
  const pairs = createDecayingCounters(() => tier.decayPerSecond)

  function tierFor(maxRateCount: number): RateTierLike {
    const exact = tiers.find((t) => t.threshold === maxRateCount)
    if (exact !== undefined) return exact
    const below =
      tiers.filter((t) => t.threshold <= maxRateCount).at(-1) ?? lowest
    return { decayPerSecond: below.decayPerSecond, threshold: maxRateCount }
  }
  if (config.maxRateCount !== undefined) tier = tierFor(config.maxRateCount)

  const current = (symbol: string, at: number) => pairs.valueAt(symbol, at)

  return {
    get threshold() {
      return tier.threshold
    },
    count: (symbol) => current(symbol, now()),
    setMaxRateCount(maxRateCount) {
      tier = tierFor(maxRateCount)
    },
    correct(symbol, count) {
      pairs.set(symbol, count, now())
    },
    charge(symbol, transaction) {
      const at = now()
      const before = current(symbol, at)
      const cost = config.cost(transaction)
      const after = before + cost
      if (after > tier.threshold) {
        const reason = `${transaction.type} on ${symbol} would raise the trading rate counter to ${round(after)}, above ${tier.threshold} (maxratecount)`
        if (mode === 'refuse') return { ok: false, count: before, cost, reason }
        pairs.set(symbol, after, at)
        return { ok: true, count: after, cost, warning: reason }
      }
      pairs.set(symbol, after, at)
      return { ok: true, count: after, cost }
    },
    reset: () => pairs.clear(),
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
