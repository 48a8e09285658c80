import type { Account, FeeSchedule, Fees, FeeTier } from './context.js'

/**
 * Kraken's spot fee schedule (Kraken Pro, crypto pairs): maker and taker
 * rates by the account's 30-day trade volume in USD, from 0.25 % / 0.40 %
 * below $10,000 down to 0 % / 0.10 % from $10,000,000. Stablecoin and FX
 * pairs have their own, lower schedule, which is not modelled.
 *
 * Source: https://www.kraken.com/features/fee-schedule#spot, as Kraken's
 * REST `AssetPairs` publishes it per pair (`fees` for takers, `fees_maker`
 * for makers, `[volume, percent]` pairs, `fee_volume_currency` `ZUSD`).
 */
export const KRAKEN_SPOT_FEE_TIERS: readonly FeeTier[] = Object.freeze(
  (
    [
      [0, 0.25, 0.4],
      [10_000, 0.2, 0.35],
      [50_000, 0.14, 0.24],
      [100_000, 0.12, 0.22],
      [250_000, 0.1, 0.2],
      [500_000, 0.08, 0.18],
      [1_000_000, 0.06, 0.16],
      [2_500_000, 0.04, 0.14],
      [5_000_000, 0.02, 0.12],
      [10_000_000, 0, 0.1],
    ] as const
  ).map(([volume, maker, taker]) =>
    Object.freeze({
      volume,
      // Percent as Kraken lists it, to a fraction without binary noise.
      maker: Number((maker / 100).toFixed(6)),
      taker: Number((taker / 100).toFixed(6)),
    }),
  ),
)

/** The volume window of a tier: 30 days (ms). */
export const FEE_VOLUME_WINDOW = 30 * 24 * 60 * 60 * 1000

/** The rates at `volume` (the highest tier it reaches). */
export function ratesAt(fees: Fees, volume: number): FeeSchedule {
  if (!('tiers' in fees)) return fees
  let rates: FeeSchedule = fees.tiers[0] ?? { maker: 0, taker: 0 }
  for (const tier of fees.tiers) if (volume >= tier.volume) rates = tier
  return { maker: rates.maker, taker: rates.taker }
}

/**
 * An account's trade volume over the last 30 days, counting each fill's
 * cost in its quote asset as USD (the simulator has no exchange rates).
 * Fills older than the window are dropped as a side effect.
 */
export function thirtyDayVolume(account: Account, now: number): number {
  const fills = account.volume
  while (fills.length > 0 && (fills[0]?.at ?? now) <= now - FEE_VOLUME_WINDOW)
    fills.shift()
  let sum = 0
  for (const fill of fills) sum += fill.cost
  return sum
}

/** The table `AssetPairs` shows: `[volume, percent]` per tier. */
export function feeTable(
  fees: Fees,
  side: 'maker' | 'taker',
): [number, number][] {
  const tiers = 'tiers' in fees ? fees.tiers : [{ volume: 0, ...fees }]
  return tiers.map((tier) => [
    tier.volume,
    Number((tier[side] * 100).toFixed(4)),
  ])
}
