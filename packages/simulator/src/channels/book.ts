import { BOOK_DEPTHS as SCHEMA_BOOK_DEPTHS } from '@kraken-sockets/schema'
import type { DepthUpdate, LevelChange } from '../market/bookDiff.js'
import type { BookSide } from '../market/bookSide.js'
import { bookChecksum, type LevelText } from '../market/checksum.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import { rfc3339 } from '../session/time.js'
import { priceText, qtyText } from './format.js'
import { choiceParam, symbolChannel } from './symbolChannel.js'

/** The book depths Kraken offers (schema's list, frozen). */
export const BOOK_DEPTHS = Object.freeze([
  ...SCHEMA_BOOK_DEPTHS,
] as typeof SCHEMA_BOOK_DEPTHS)

const topic = (symbol: string, depth: number) => `book:${symbol}:${depth}`

/** Both sides of an L2 book in integer units. */
export type BookSides = { readonly bid: BookSide; readonly ask: BookSide }

function topText(
  market: SymbolMarket,
  side: BookSide,
  count: number,
): LevelText[] {
  const out: LevelText[] = []
  for (let rank = 0; rank < count && rank < side.size; rank++) {
    const price = side.prices[rank] ?? 0
    out.push({
      price: priceText(market, price),
      qty: qtyText(market, side.qty.get(price) ?? 0),
    })
  }
  return out
}

/** The checksum of `sides` (top 10 each) at the symbol's precision. */
export function checksumOf(market: SymbolMarket, sides: BookSides): number {
  return bookChecksum(
    topText(market, sides.ask, 10),
    topText(market, sides.bid, 10),
  )
}

function levelsJson(levels: readonly LevelText[]): string {
  let out = ''
  for (const level of levels)
    out += `${out === '' ? '' : ','}{"price":${level.price},"qty":${level.qty}}`
  return `[${out}]`
}

/** A `book` message; levels are exact text at the pair's precision. */
export function bookFrame(
  type: 'snapshot' | 'update',
  symbol: string,
  bids: readonly LevelText[],
  asks: readonly LevelText[],
  checksum: number,
  time: number,
): string {
  return `{"channel":"book","type":"${type}","data":[{"symbol":${JSON.stringify(symbol)},"bids":${levelsJson(bids)},"asks":${levelsJson(asks)},"checksum":${checksum},"timestamp":"${rfc3339(time)}"}]}`
}

/** The snapshot a new subscriber of `depth` receives of `sides`. */
export function bookSnapshot(
  market: SymbolMarket,
  sides: BookSides,
  depth: number,
  time: number,
): string {
  return bookFrame(
    'snapshot',
    market.spec.symbol,
    topText(market, sides.bid, depth),
    topText(market, sides.ask, depth),
    checksumOf(market, sides),
    time,
  )
}

/** The depths of a symbol that have subscribers. */
export function subscribedDepths(hub: Publisher, symbol: string): number[] {
  return BOOK_DEPTHS.filter((depth) => hub.has(topic(symbol, depth)))
}

/**
 * Publishes book updates, one message per depth, with the checksum of
 * `sides` (the book the updates were worked out on).
 */
export function publishBook(
  updates: ReadonlyMap<number, DepthUpdate>,
  market: SymbolMarket,
  sides: BookSides,
  hub: Publisher,
  time: number,
): void {
  const symbol = market.spec.symbol
  let checksum: number | undefined
  const text = (levels: readonly LevelChange[]) =>
    levels.map((l) => ({
      price: priceText(market, l.price),
      qty: qtyText(market, l.qty),
    }))
  for (const [depth, update] of updates) {
    if (update.bids.length === 0 && update.asks.length === 0) continue
    checksum ??= checksumOf(market, sides)
    const sum = checksum
    hub.publish(topic(symbol, depth), () =>
      bookFrame(
        'update',
        symbol,
        text(update.bids),
        text(update.asks),
        sum,
        time,
      ),
    )
  }
}

/**
 * The `book` channel: one depth per symbol per connection.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const bookChannel = symbolChannel({
  name: 'book',
  kind: 'public',
  requiresToken: false,
  snapshotByDefault: true,
  readChoice: choiceParam('depth', BOOK_DEPTHS, 10),
  topic,
  echo: (depth) => ({ depth }),
  unsubscribeEchoesSnapshot: true,
  // The shared view, so the snapshot matches the updates that follow it.
  snapshot: (market, depth, simulator) => [
    simulator.book.snapshot(market, depth, simulator.now()),
  ],
})
