import { BookSide } from './bookSide.js'
import { CandleSeries, OHLC_INTERVALS } from './candles.js'
import { incrementUnits, toUnits } from './decimal.js'
import type { PairSpec } from './instruments.js'
import { OrderQueues } from './orderQueues.js'
import type { Prng } from './prng.js'

/** A trade in integer units. */
export type Trade = {
  readonly symbol: string
  readonly side: 'buy' | 'sell'
  readonly price: number
  readonly qty: number
  readonly ordType: 'limit' | 'market'
  readonly tradeId: number
  /** When it traded (ms, on the simulator clock). */
  readonly time: number
}

/** Rolling 24h statistics for the ticker, in base units and price units. */
export type TickerStats = {
  open: number
  low: number
  high: number
  last: number
  volume: number
  notional: number
  trades: number
}

/** Levels kept per side: more than the deepest subscription (1000). */
export const BOOK_LEVELS = 1100

/** The live state of one symbol. */
export type SymbolMarket = {
  /** The pair this state belongs to. */
  readonly spec: PairSpec
  /** Price units per price increment. */
  readonly tick: number
  /** Quantity units of a typical level. */
  readonly typicalQty: number
  /** The L2 book, both sides in integer units. */
  readonly book: { readonly bid: BookSide; readonly ask: BookSide }
  /** The last 50 trades, oldest first. */
  readonly trades: Trade[]
  /** The `trade_id` the next trade gets. */
  nextTradeId: number
  /** Rolling 24h statistics for the ticker. */
  readonly stats: TickerStats
  /** Candles per OHLC interval (minutes). */
  readonly candles: Map<number, CandleSeries>
  /** The orders behind the levels (level3). */
  readonly orders: OrderQueues
}

/** Builds a symbol's opening book, trade history and statistics from the seed. */
export function createSymbolMarket(
  spec: PairSpec,
  prng: Prng,
  now: number,
): SymbolMarket {
  const tick = incrementUnits(spec.price_increment, spec.price_precision)
  const start = toUnits(spec.startPrice, spec.price_precision)
  const typicalQty = toUnits(spec.typicalQty, spec.qty_precision)
  const book = { bid: new BookSide('bid'), ask: new BookSide('ask') }
  let bid = start
  let ask = start + tick
  for (let i = 0; i < BOOK_LEVELS; i++) {
    if (bid > tick) book.bid.set(bid, randomQty(prng, typicalQty))
    book.ask.set(ask, randomQty(prng, typicalQty))
    bid -= prng.int(1, 3) * tick
    ask += prng.int(1, 3) * tick
  }
  const market: SymbolMarket = {
    spec,
    tick,
    typicalQty,
    book,
    trades: [],
    nextTradeId: prng.int(1_000_000, 90_000_000),
    stats: {
      open: Math.max(tick, start + prng.int(-300, 300) * tick),
      low: start,
      high: start,
      last: start,
      volume: prng.int(1_000, 500_000) / 100,
      notional: 0,
      trades: prng.int(1_000, 100_000),
    },
    candles: new Map(),
    orders: new OrderQueues(book, prng.fork('orders'), now),
  }
  market.stats.low =
    Math.min(start, market.stats.open) - prng.int(0, 200) * tick
  market.stats.high =
    Math.max(start, market.stats.open) + prng.int(0, 200) * tick
  market.stats.notional =
    market.stats.volume * ((market.stats.open + start) / 2)
  for (let i = 50; i > 0; i--) {
    const side = prng.next() < 0.5 ? 'buy' : 'sell'
    market.trades.push({
      symbol: spec.symbol,
      side,
      price: side === 'buy' ? start + tick : start,
      qty: Math.max(1, Math.round(randomQty(prng, typicalQty) / 4)),
      ordType: prng.next() < 0.6 ? 'market' : 'limit',
      tradeId: market.nextTradeId++,
      time: now - i * 1_500,
    })
  }
  for (const interval of OHLC_INTERVALS)
    market.candles.set(
      interval,
      new CandleSeries(
        interval,
        start,
        now,
        prng.fork(`ohlc:${interval}`),
        tick,
      ),
    )
  return market
}

/** A level size: between 1% and 200% of the typical size, at least one unit. */
export function randomQty(prng: Prng, typical: number): number {
  return Math.max(1, Math.round(typical * (0.01 + prng.next() * 1.99)))
}
