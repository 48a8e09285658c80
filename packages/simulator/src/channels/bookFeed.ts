import { applyChanges, type LevelChange } from '../market/bookDiff.js'
import { BookSide, type Side } from '../market/bookSide.js'
import type { MarketEvent } from '../market/market.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import {
  type BookSides,
  bookSnapshot,
  publishBook,
  subscribedDepths,
} from './book.js'
import { type LevelQty, type OwnOrders, ownLevelQty } from './ownLevels.js'

const SIDES = ['bid', 'ask'] as const

/**
 * The L2 book the `book` channel shows: the simulated market's levels with
 * the exchange's own resting orders added at their prices (a level of
 * their own where the market has none). One book per symbol, kept in step
 * with every market step and every change to the exchange's orders, so each
 * update (and its checksum) follows from what subscribers already hold.
 */
export type BookFeed = {
  /** A snapshot of the symbol's shown book at `depth`. */
  snapshot(market: SymbolMarket, depth: number, time: number): string
  /** Applies a market step to the shown book and publishes its updates. */
  publishStep(event: MarketEvent, market: SymbolMarket): void
  /** Applies what the exchange's own orders changed on a symbol and publishes it. */
  publishOwnOrders(market: SymbolMarket, time: number): void
}

type Shown = {
  readonly sides: BookSides
  /** The own quantity per price the shown book holds. */
  own: LevelQty
}

/** The market's book plus `own`, as a separate book. */
function combine(market: SymbolMarket, own: LevelQty): BookSides {
  const sides = { bid: new BookSide('bid'), ask: new BookSide('ask') }
  for (const side of SIDES) {
    const book = market.book[side]
    for (const price of book.prices)
      sides[side].set(
        price,
        (book.qty.get(price) ?? 0) + (own[side].get(price) ?? 0),
      )
    for (const [price, qty] of own[side])
      if (!book.qty.has(price)) sides[side].set(price, qty)
  }
  return sides
}

/**
 * Creates the book feed over `markets` (their books as they are now);
 * `ownOrders` adds the exchange's resting orders.
 */
export function createBookFeed(
  hub: Publisher,
  markets: Iterable<SymbolMarket>,
  ownOrders?: OwnOrders,
): BookFeed {
  const shown = new WeakMap<SymbolMarket, Shown>()
  const open = (market: SymbolMarket): Shown => {
    const own = ownLevelQty(market, ownOrders)
    const state = { sides: combine(market, own), own }
    shown.set(market, state)
    return state
  }
  for (const market of markets) open(market)

  const apply = (
    market: SymbolMarket,
    state: Shown,
    changes: readonly LevelChange[],
    time: number,
  ) => {
    if (changes.length === 0) return
    const depths = subscribedDepths(hub, market.spec.symbol)
    const updates = applyChanges(state.sides, changes, depths)
    publishBook(updates, market, state.sides, hub, time)
  }

  return {
    snapshot(market, depth, time) {
      const state = shown.get(market) ?? open(market)
      return bookSnapshot(market, state.sides, depth, time)
    },
    publishStep(event, market) {
      const state = shown.get(market)
      // A market the feed never saw: start from its book as it is now.
      if (state === undefined) {
        open(market)
        return
      }
      apply(
        market,
        state,
        event.changes.map((change) => ({
          ...change,
          qty: change.qty + (state.own[change.side].get(change.price) ?? 0),
        })),
        event.time,
      )
    },
    publishOwnOrders(market, time) {
      const state = shown.get(market) ?? open(market)
      const own = ownLevelQty(market, ownOrders)
      const changes: LevelChange[] = []
      const changed = (side: Side, price: number) => {
        const qty = own[side].get(price) ?? 0
        if (qty === (state.own[side].get(price) ?? 0)) return
        changes.push({
          side,
          price,
          qty: (market.book[side].qty.get(price) ?? 0) + qty,
        })
      }
      for (const side of SIDES) {
        for (const price of state.own[side].keys()) changed(side, price)
        for (const price of own[side].keys())
          if (!state.own[side].has(price)) changed(side, price)
      }
      state.own = own
      apply(market, state, changes, time)
    },
  }
}
