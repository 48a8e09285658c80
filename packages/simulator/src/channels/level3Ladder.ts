import type { Side } from '../market/bookSide.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Level3Order } from './level3.js'
import { type OwnOrders, ownLevels } from './ownLevels.js'

/** A symbol's level3 orders now: the market's and the exchange's. */
export type Ladder = {
  /** The best `depth` prices holding orders. */
  top(side: Side, depth: number): number[]
  /** The orders at a price: the market's queue, then the exchange's. */
  orders(side: Side, price: number): readonly Level3Order[]
}

/** The ladder of a symbol now. */
export function ladderOf(
  market: SymbolMarket,
  ownOrders: OwnOrders | undefined,
): Ladder {
  const own = ownLevels(market, ownOrders)
  const marketOrders = (side: Side, price: number) =>
    market.orders.levels[side].get(price) ?? []
  return {
    top(side, depth) {
      const book = market.book[side]
      const extra = [...own[side].keys()].sort((a, b) =>
        book.isBetter(a, b) ? -1 : 1,
      )
      const out: number[] = []
      let i = 0
      let j = 0
      while (out.length < depth) {
        const a = book.prices[i]
        const b = extra[j]
        let price: number
        if (a !== undefined && (b === undefined || book.isBetter(a, b))) {
          price = a
          i++
        } else if (b !== undefined) {
          price = b
          j++
          if (a === b) i++
        } else break
        if (marketOrders(side, price).length > 0 || own[side].has(price))
          out.push(price)
      }
      return out
    },
    orders(side, price) {
      const mine = own[side].get(price)
      const theirs = marketOrders(side, price)
      return mine === undefined ? theirs : [...theirs, ...mine]
    },
  }
}
