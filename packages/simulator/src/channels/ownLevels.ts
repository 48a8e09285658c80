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
/** Quantity (integer units) per price, per side. */
export type LevelQty = {
  readonly bid: Map<number, number>
  readonly ask: Map<number, number>
}

/**
 * The exchange's own resting orders of a symbol as the books show them:
 * per side and price (integer units at the pair's precision), in queue
 * order. Both the level3 ladder and the L2 book read them from here, so
 * the two channels always agree on prices and quantities.
 */
export function ownLevels(
  market: SymbolMarket,
  ownOrders: OwnOrders | undefined,
): View {
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

/** The total quantity of the exchange's own orders at each price (for L2). */
export function ownLevelQty(
  market: SymbolMarket,
  ownOrders: OwnOrders | undefined,
): LevelQty {
  const levels = ownLevels(market, ownOrders)
  const total = (side: Side) =>
    new Map(
      [...levels[side]].map(([price, orders]) => [
        price,
        orders.reduce((sum, order) => sum + order.qty, 0),
      ]),
    )
  return { bid: total('bid'), ask: total('ask') }
}
