import type { LevelChange } from './bookDiff.js'
import type { BookSide } from './bookSide.js'
import type { Prng } from './prng.js'
import {
  BOOK_LEVELS,
  randomQty,
  type SymbolMarket,
  type Trade,
} from './symbolMarket.js'

/**
 * The moves of the seeded random walk: quotes come and go, takers trade
 * against the best levels, the mid drifts, deep levels are replenished.
 */

/** The quantity a price will have once `changes` so far are applied. */
function pendingQty(
  side: BookSide,
  changes: readonly LevelChange[],
  price: number,
): number {
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]
    if (change?.side === side.side && change.price === price) return change.qty
  }
  return side.qty.get(price) ?? 0
}

function pickRank(prng: Prng): number {
  const roll = prng.next()
  if (roll < 0.8) return Math.min(9, Math.floor(-Math.log(1 - prng.next()) * 3))
  if (roll < 0.95) return prng.int(10, 99)
  return prng.int(100, 1049)
}

/** Quote activity: levels modified, removed or added near the top (rarely deeper). */
export function quote(
  market: SymbolMarket,
  prng: Prng,
  changes: LevelChange[],
): void {
  const count = prng.next() < 0.7 ? 1 : prng.int(2, 4)
  // One insert inside the spread per message, so the book never crosses.
  let insideSpread = false
  for (let n = 0; n < count; n++) {
    const side = prng.next() < 0.5 ? market.book.bid : market.book.ask
    const rank = pickRank(prng)
    const price = side.prices[rank]
    if (price === undefined) continue
    const action = prng.next()
    if (action < 0.25 && side.size > 20) {
      changes.push({ side: side.side, price, qty: 0 })
      continue
    }
    if (action < 0.5 && (rank > 0 || !insideSpread)) {
      insideSpread ||= rank === 0
      const inserted = insertNear(market, side, rank, prng)
      if (inserted !== undefined) {
        changes.push({
          side: side.side,
          price: inserted,
          qty: randomQty(prng, market.typicalQty),
        })
        continue
      }
    }
    changes.push({
      side: side.side,
      price,
      qty: randomQty(prng, market.typicalQty),
    })
  }
}

/** A free price just better than the level at `rank`, if there is one. */
function insertNear(
  market: SymbolMarket,
  side: BookSide,
  rank: number,
  prng: Prng,
): number | undefined {
  const price = side.prices[rank]
  if (price === undefined) return undefined
  const step = side.side === 'bid' ? market.tick : -market.tick
  const limit =
    rank > 0
      ? side.prices[rank - 1]
      : side.side === 'bid'
        ? market.book.ask.best
        : market.book.bid.best
  const candidate = price + step * prng.int(1, 2)
  if (limit === undefined) return candidate
  return side.isBetter(limit, candidate) ? candidate : undefined
}

/** A taker order eating the best levels of the other side. */
export function trade(
  market: SymbolMarket,
  prng: Prng,
  time: number,
  changes: LevelChange[],
  trades: Trade[],
): void {
  const takerSide = prng.next() < 0.5 ? 'buy' : 'sell'
  const makers = takerSide === 'buy' ? market.book.ask : market.book.bid
  const count = prng.next() < 0.7 ? 1 : prng.int(2, 3)
  const ordType = prng.next() < 0.6 ? 'market' : 'limit'
  for (let rank = 0; rank < count; rank++) {
    const price = makers.prices[rank]
    if (price === undefined || makers.size < 20) break
    const available = makers.qty.get(price) ?? 0
    const full = rank < count - 1 || prng.next() < 0.3
    const qty = full
      ? available
      : Math.max(
          1,
          Math.min(
            available,
            Math.round(available * (0.05 + prng.next() * 0.9)),
          ),
        )
    changes.push({ side: makers.side, price, qty: available - qty })
    trades.push({
      symbol: market.spec.symbol,
      side: takerSide,
      price,
      qty,
      ordType,
      tradeId: market.nextTradeId++,
      time,
    })
  }
}

/** The mid moves one tick: the best level of one side goes, a better one comes on the other. */
export function drift(
  market: SymbolMarket,
  prng: Prng,
  changes: LevelChange[],
): void {
  // Lift one side: the best level on the other side goes, a better one comes.
  const up = prng.next() < 0.5
  const pulled = up ? market.book.ask : market.book.bid
  const pushed = up ? market.book.bid : market.book.ask
  const gone = pulled.best
  if (gone === undefined || pulled.size < 20) return
  changes.push({ side: pulled.side, price: gone, qty: 0 })
  const next = pulled.prices[1]
  const best = pushed.best
  if (next === undefined || best === undefined) return
  const candidate = best + (up ? market.tick : -market.tick)
  if (
    candidate > 0 &&
    pulled.isBetter(next, candidate) === false &&
    candidate !== next
  )
    changes.push({
      side: pushed.side,
      price: candidate,
      qty: randomQty(prng, market.typicalQty),
    })
}

/** Adds far levels so each side stays deeper than the deepest subscription. */
export function replenish(
  market: SymbolMarket,
  prng: Prng,
  changes: LevelChange[],
): void {
  for (const side of [market.book.bid, market.book.ask]) {
    let size = side.size
    for (const change of changes)
      if (change.side === side.side) {
        const had = side.qty.has(change.price)
        if (change.qty === 0 && had) size--
        if (
          change.qty > 0 &&
          !had &&
          pendingQty(side, changes, change.price) > 0
        )
          size++
      }
    let worst = side.prices[side.size - 1]
    while (size < BOOK_LEVELS - 50 && worst !== undefined) {
      const price =
        worst + (side.side === 'bid' ? -1 : 1) * market.tick * prng.int(1, 3)
      if (price <= 0) break
      changes.push({
        side: side.side,
        price,
        qty: randomQty(prng, market.typicalQty),
      })
      worst = price
      size++
    }
  }
}

/** Books a trade into the recent trades, the 24h statistics and every candle. */
export function recordTrade(market: SymbolMarket, done: Trade): void {
  market.trades.push(done)
  if (market.trades.length > 50) market.trades.shift()
  const stats = market.stats
  const volume = done.qty / 10 ** market.spec.qty_precision
  stats.last = done.price
  stats.low = Math.min(stats.low, done.price)
  stats.high = Math.max(stats.high, done.price)
  stats.volume += volume
  stats.notional += volume * done.price
  stats.trades++
  for (const series of market.candles.values())
    series.record(done.time, done.price, volume)
}
