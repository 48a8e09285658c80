import type { LevelChange } from '../bookDiff.js'
import type { SymbolMarket, Trade } from '../symbolMarket.js'

/** A number of an upstream frame in the market's integer units. */
export function units(value: unknown, precision: number): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    return undefined
  return Math.round(value * 10 ** precision)
}

type Level = { price?: unknown; qty?: unknown }

/** `bids`/`asks` of a v2 book message as level changes (integer units). */
export function bookLevels(
  market: SymbolMarket,
  data: { bids?: unknown; asks?: unknown },
): LevelChange[] {
  const changes: LevelChange[] = []
  const { price_precision: pp, qty_precision: qp } = market.spec
  for (const [side, levels] of [
    ['bid', data.bids],
    ['ask', data.asks],
  ] as const) {
    if (!Array.isArray(levels)) continue
    for (const level of levels as Level[]) {
      const price = units(level.price, pp)
      const qty = units(level.qty, qp)
      if (price !== undefined && qty !== undefined && price > 0)
        changes.push({ side, price, qty })
    }
  }
  return changes
}

/** One v2 `trade` entry as a market trade, or `undefined` if malformed. */
export function tradeOf(
  market: SymbolMarket,
  entry: Record<string, unknown>,
): Trade | undefined {
  const price = units(entry.price, market.spec.price_precision)
  const qty = units(entry.qty, market.spec.qty_precision)
  const time =
    typeof entry.timestamp === 'string'
      ? Date.parse(entry.timestamp)
      : Number.NaN
  if (
    price === undefined ||
    qty === undefined ||
    Number.isNaN(time) ||
    (entry.side !== 'buy' && entry.side !== 'sell') ||
    typeof entry.trade_id !== 'number'
  )
    return undefined
  return {
    symbol: market.spec.symbol,
    side: entry.side,
    price,
    qty,
    ordType: entry.ord_type === 'limit' ? 'limit' : 'market',
    tradeId: entry.trade_id,
    time,
  }
}

/** Copies a v2 `ticker` entry's 24h statistics onto the market. */
export function applyTicker(
  market: SymbolMarket,
  entry: Record<string, unknown>,
): void {
  const pp = market.spec.price_precision
  const last = units(entry.last, pp)
  const low = units(entry.low, pp)
  const high = units(entry.high, pp)
  const volume = entry.volume
  const vwap = units(entry.vwap, pp)
  const change = typeof entry.change === 'number' ? entry.change : undefined
  const stats = market.stats
  if (last !== undefined) stats.last = last
  if (low !== undefined) stats.low = low
  if (high !== undefined) stats.high = high
  if (typeof volume === 'number' && Number.isFinite(volume) && volume >= 0) {
    stats.volume = volume
    if (vwap !== undefined) stats.notional = volume * vwap
  }
  if (last !== undefined && change !== undefined)
    stats.open = Math.max(0, last - Math.round(change * 10 ** pp))
  if (typeof entry.trades === 'number') stats.trades = entry.trades
}
