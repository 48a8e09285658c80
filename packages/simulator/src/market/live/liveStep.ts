import { applyChanges, type LevelChange } from '../bookDiff.js'
import type { MarketEvent } from '../market.js'
import { recordTrade } from '../moves.js'
import type { SymbolMarket, Trade } from '../symbolMarket.js'

/**
 * Applies level changes and trades that came from an upstream feed to one
 * symbol's market, as a seeded step would (book, level3 queues, trades,
 * ticker statistics, candles), and returns the event to publish.
 */
export function applyLiveStep(
  market: SymbolMarket,
  changes: readonly LevelChange[],
  trades: readonly Trade[],
  time: number,
): MarketEvent {
  const { bid, ask } = market.book
  const top = () =>
    `${bid.best}:${bid.qty.get(bid.best ?? 0)}:${ask.best}:${ask.qty.get(ask.best ?? 0)}`
  const before = top()
  const orderEvents = market.orders.apply(changes, time)
  // The book feed works out each subscriber's update itself.
  const updates = applyChanges(market.book, changes, [])
  for (const trade of trades) recordTrade(market, trade)
  return {
    symbol: market.spec.symbol,
    time,
    updates,
    changes,
    trades,
    bboChanged: top() !== before,
    orderEvents,
  }
}

/** The changes that turn the market's book into `levels` (an upstream snapshot). */
export function replaceBook(
  market: SymbolMarket,
  levels: {
    readonly bid: Map<number, number>
    readonly ask: Map<number, number>
  },
): LevelChange[] {
  const changes: LevelChange[] = []
  for (const side of ['bid', 'ask'] as const) {
    const book = market.book[side]
    for (const price of book.prices)
      if (!levels[side].has(price)) changes.push({ side, price, qty: 0 })
    for (const [price, qty] of levels[side])
      if (book.qty.get(price) !== qty) changes.push({ side, price, qty })
  }
  return changes
}
