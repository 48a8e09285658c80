/** A Kraken account verification tier, which sets the trading rate limits. */
export type RateTier = 'starter' | 'intermediate' | 'pro'

/** The rate-limit parameters of one tier. */
export type RateTierLimits = {
  /** How much the per-pair counter drops each second. */
  readonly decayPerSecond: number
  /** The counter value a transaction may not push the counter above (`maxratecount`). */
  readonly threshold: number
  /** How many orders may be open on one pair at once. */
  readonly maxOpenOrders: number
}

/**
 * Kraken's spot trading rate limits by tier. The counter is kept per pair
 * and shared by REST, WebSocket and FIX.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ratelimits
 */
export const RATE_TIERS: Readonly<Record<RateTier, RateTierLimits>> =
  Object.freeze({
    starter: Object.freeze({
      decayPerSecond: 1,
      threshold: 60,
      maxOpenOrders: 60,
    }),
    intermediate: Object.freeze({
      decayPerSecond: 2.34,
      threshold: 125,
      maxOpenOrders: 80,
    }),
    pro: Object.freeze({
      decayPerSecond: 3.75,
      threshold: 180,
      maxOpenOrders: 225,
    }),
  })
