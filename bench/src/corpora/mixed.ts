import { buildBookLive } from './bookLive.js'
import { receivedFrames } from './fixtures.js'
import { createRandom } from './random.js'

const VARIED_KEYS =
  /"(bid|bid_qty|ask|ask_qty|last|volume|vwap|low|high|change|change_pct|price|qty|open|close|trades)":(-?\d+(?:\.\d+)?)/g

/**
 * A long stream of real ticker, trade, book, ohlc and heartbeat frames
 * (about 60/20/10/5/5), each a real frame with its numbers varied (same
 * number of decimals) and trade ids counting up.
 */
export function buildMixed(count: number, seed = 42): string[] {
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
  const frames: string[] = []
  for (let i = 0; i < count; i++) {
    const roll = random()
    if (roll < 0.6) frames.push(vary(pick(tickers)))
    else if (roll < 0.8) frames.push(vary(pick(trades)))
    else if (roll < 0.9) frames.push(pick(books))
    else if (roll < 0.95) frames.push(vary(pick(ohlcs)))
    else frames.push('{"channel":"heartbeat"}')
  }
  return frames
}
