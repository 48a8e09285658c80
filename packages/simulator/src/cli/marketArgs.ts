import type { SimulatorOptions } from '../options.js'

/** Usage lines of the market and paper-account options. */
export const MARKET_USAGE = `  --market <source>   random (default), live (Kraken's public feed), live:<ws-url>
                      or tape:<file> (a @kraken-sockets/tape tape or tardis.dev file, at its pace)
  --paper-account <f> keep the default account's balances in this JSON file between runs`

/**
 * Reads `--market` and `--paper-account`; returns the options they set or
 * an error message for the user.
 */
export function marketArgs(
  market: string | undefined,
  paperAccount: string | undefined,
): Pick<SimulatorOptions, 'market' | 'paperAccount'> | string {
  const paper = paperAccount === undefined ? {} : { paperAccount }
  if (market === undefined || market === 'random') return paper
  if (market === 'live') return { market: { live: true }, ...paper }
  if (market.startsWith('live:')) {
    const url = market.slice('live:'.length)
    if (!/^wss?:\/\/\S+$/.test(url))
      return '--market live:<url> needs a ws:// or wss:// URL'
    return { market: { live: url }, ...paper }
  }
  if (market.startsWith('tape:')) {
    const path = market.slice('tape:'.length)
    if (path === '') return '--market tape:<file> needs a tape folder or file'
    return { market: { tape: path }, ...paper }
  }
  return '--market must be random, live, live:<ws-url> or tape:<file>'
}
