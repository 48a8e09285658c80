import type { LiveMarketOptions } from './liveMarket.js'
import { checkTapeSpeed, type TapeMarketOptions } from './tapeMarket.js'

/**
 * Where the simulator's market data comes from: its seeded random walk
 * (`'random'`), a live upstream public v2 feed (`{ live: url }`,
 * `{ live: true }` for Kraken's, or `{ live: { url, depth, ... } }`), or a
 * tape played into the market (`{ tape: path }` or `{ tape: { path, speed } }`).
 */
export type MarketOption =
  | 'random'
  | { readonly live: string | true | LiveMarketOptions }
  | { readonly tape: string | TapeMarketOptions }

/** The live market's options, or `undefined` for the random walk or a tape. */
export function liveMarketOptions(
  option: MarketOption | undefined,
): LiveMarketOptions | undefined {
  if (option === undefined || option === 'random' || !('live' in option))
    return undefined
  const { live } = option
  if (live === true) return {}
  return typeof live === 'string' ? { url: live } : live
}

/**
 * The tape market's options, or `undefined` for another market.
 * @throws {RangeError} on a bad speed (before the simulator listens).
 */
export function tapeMarketOptions(
  option: MarketOption | undefined,
): TapeMarketOptions | undefined {
  if (option === undefined || option === 'random' || !('tape' in option))
    return undefined
  const { tape } = option
  const options = typeof tape === 'string' ? { path: tape } : tape
  checkTapeSpeed(options.speed)
  return options
}
