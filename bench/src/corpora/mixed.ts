import { buildBookLive } from './bookLive.js'
import { receivedFrames } from './fixtures.js'
import { createRandom } from './random.js'

const VARIED_KEYS =
  /"(bid|bid_qty|ask|ask_qty|last|volume|vwap|low|high|change|change_pct|price|qty|open|close|trades)":(-?\d+(?:\.\d+)?)/g

/** Shares of each kind of frame in a corpus; they must add up to 1. */
export type FrameMix = {
  readonly ticker: number
  readonly trade: number
  readonly book: number
  readonly ohlc: number
  readonly heartbeat: number
}

/** The `mixed` corpus: ticker-heavy, as a client watching many pairs sees. */
export const TICKER_HEAVY: FrameMix = {
  ticker: 0.6,
  trade: 0.2,
  book: 0.1,
  ohlc: 0.05,
  heartbeat: 0.05,
}

/** The `book-heavy` corpus: what a market maker on a few books sees. */
export const BOOK_HEAVY: FrameMix = {
  book: 0.6,
  trade: 0.2,
  ticker: 0.1,
  ohlc: 0.05,
  heartbeat: 0.05,
}

/**
 * A long stream of real ticker, trade, book, ohlc and heartbeat frames in the
 * shares of `mix`, each a real frame with its numbers varied (same number of
 * decimals) and trade ids counting up; book frames are the live BTC/USD
 * capture's updates, in random order.
 */
export function buildMixed(
  count: number,
  mix: FrameMix = TICKER_HEAVY,
  seed = 42,
): string[] {
  const random = createRandom(seed)
  const received = receivedFrames()
  const of = (channel: string) =>
    received.filter((f) => f.channel_or_method === channel).map((f) => f.text)
  const tickers = of('ticker')
  const trades = of('trade')
  const ohlcs = of('ohlc')
  const books = buildBookLive().slice(1)
  let tradeId = 109_116_693
  const vary = (template: string) =>
    template
      .replace(VARIED_KEYS, (_, key: string, literal: string) => {
        const decimals = literal.split('.')[1]?.length ?? 0
        const value = Number(literal) * (1 + (random() - 0.5) * 0.01)
        return `"${key}":${decimals === 0 ? Math.round(value) : value.toFixed(decimals)}`
      })
      .replace(/"trade_id":\d+/g, () => `"trade_id":${tradeId++}`)
  const pick = (list: string[]) =>
    list[Math.floor(random() * list.length)] as string
  // Where each kind's share ends on [0, 1), kinds in a fixed order so that a
  // corpus is the same for the same seed.
  const below = {
    ticker: mix.ticker,
    trade: mix.ticker + mix.trade,
    book: mix.ticker + mix.trade + mix.book,
    ohlc: mix.ticker + mix.trade + mix.book + mix.ohlc,
  }
  const frames: string[] = []
  for (let i = 0; i < count; i++) {
    const roll = random()
    if (roll < below.ticker) frames.push(vary(pick(tickers)))
    else if (roll < below.trade) frames.push(vary(pick(trades)))
    else if (roll < below.book) frames.push(pick(books))
    else if (roll < below.ohlc) frames.push(vary(pick(ohlcs)))
    else frames.push('{"channel":"heartbeat"}')
  }
  return frames
}
