import type { BookLevel } from '../responses/book.js'
import type { L3Order } from '../responses/level3.js'

type Loose = Record<string, unknown>

/** An L2 level as decoded: numbers plus the exact text Kraken sent. */
export function makeBookLevel(
  level: Loose,
  priceText: unknown,
  qtyText: unknown,
): BookLevel {
  return {
    price: level.price,
    qty: level.qty,
    price_text: priceText,
    qty_text: qtyText,
  } as BookLevel
}

/** A level3 order as decoded: numbers plus the exact text Kraken sent. */
export function makeL3Order(
  order: Loose,
  limitPriceText: unknown,
  orderQtyText: unknown,
): L3Order {
  const made: Loose = {
    order_id: order.order_id,
    limit_price: order.limit_price,
    order_qty: order.order_qty,
    limit_price_text: limitPriceText,
    order_qty_text: orderQtyText,
    timestamp: order.timestamp,
  }
  if ('event' in order) made.event = order.event
  return made as L3Order
}

/** A plain JSON object (not an array, not null). */
export function isRecord(x: unknown): x is Loose {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}
