import type { LiveMarketOptions } from './liveMarket.js'

/**
 * Where the simulator's market data comes from: its seeded random walk
 * (`'random'`), or a live upstream public v2 feed (`{ live: url }`,
 * `{ live: true }` for Kraken's, or `{ live: { url, depth, ... } }`).
 */
export type MarketOption =
  | 'random'
  | { readonly live: string | true | LiveMarketOptions }

/** The live market's options, or `undefined` for the random walk. */
export function liveMarketOptions(
  option: MarketOption | undefined,
): LiveMarketOptions | undefined {
  if (option === undefined || option === 'random') return undefined
  const { live } = option
  if (live === true) return {}
  return typeof live === 'string' ? { url: live } : live
}
