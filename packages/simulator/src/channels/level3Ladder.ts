import type { RestingOrder as ExchangeRestingOrder } from '../exchange/snapshots.js'
import { parseRfc3339 } from '../exchange/time.js'
import type { Side } from '../market/bookSide.js'
import { toUnits } from '../market/decimal.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Level3Order } from './level3.js'

/** The exchange's own resting orders of a symbol, best first, in queue order. */
export type OwnOrders = (symbol: string) => {
  readonly bids: readonly ExchangeRestingOrder[]
  readonly asks: readonly ExchangeRestingOrder[]
}

/** Orders per price of one side. */
export type Levels = Map<number, Level3Order[]>
/** One side's levels each. */
export type View = { readonly bid: Levels; readonly ask: Levels }
/** A symbol's level3 orders now: the market's and the exchange's. */
export type Ladder = {
  /** The best `depth` prices holding orders. */
  top(side: Side, depth: number): number[]
  /** The orders at a price: the market's queue, then the exchange's. */
  orders(side: Side, price: number): readonly Level3Order[]
}

function ownLevels(market: SymbolMarket, ownOrders: OwnOrders | undefined) {
  const levels: View = { bid: new Map(), ask: new Map() }
  if (ownOrders === undefined) return levels
  const { spec } = market
  const own = ownOrders(spec.symbol)
  for (const [side, orders] of [
    ['bid', own.bids],
    ['ask', own.asks],
  ] as const)
    for (const order of orders) {
      const price = toUnits(
        order.limit_price.toFixed(spec.price_precision),
        spec.price_precision,
      )
      const qty = toUnits(
        order.order_qty.toFixed(spec.qty_precision),
        spec.qty_precision,
      )
      if (qty <= 0) continue
      const list = levels[side].get(price) ?? []
      list.push({
        id: order.order_id,
        qty,
        time: parseRfc3339(order.timestamp) ?? 0,
      })
      levels[side].set(price, list)
    }
  return levels
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
