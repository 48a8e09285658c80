import type { OrderParams } from './types.js'

const LONG_UUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const SHORT_UUID = /^[0-9a-fA-F]{32}$/
const FREE_TEXT = /^[\x20-\x7e]{1,18}$/

/**
 * Whether Kraken accepts `id` as a `cl_ord_id`: a long UUID (36 characters),
 * a short UUID (32 hex digits) or free text of 1 to 18 printable ASCII
 * characters.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export function isValidClientOrderId(id: string): boolean {
  return LONG_UUID.test(id) || SHORT_UUID.test(id) || FREE_TEXT.test(id)
}

/** A fresh `cl_ord_id`: a random long UUID. */
export function generateClientOrderId(): string {
  return crypto.randomUUID()
}

/** An order with its client id settled, or the reason it cannot be sent. */
export type ClientOrderIdResult<TValue> =
  | { ok: true; value: TValue }
  | { ok: false; reason: string }

type Identified = Pick<OrderParams, 'cl_ord_id' | 'order_userref'>

/**
 * Gives an order a `cl_ord_id` when it has neither `cl_ord_id` nor
 * `order_userref` (Kraken takes at most one of the two), so that the order
 * can be found on the executions channel even if its ack is lost. Checks a
 * caller's own `cl_ord_id` against Kraken's formats. Returns a copy; the
 * input is not modified.
 *
 * @example
 * ```ts
 * const r = withClientOrderId({ order_type: 'limit', side: 'buy', symbol: 'BTC/USD', order_qty: '1', limit_price: '1' })
 * if (r.ok) r.value.cl_ord_id // e.g. '2c6be801-1f53-4f79-a0bb-4ea1c95dfae9'
 * ```
 */
export function withClientOrderId<TOrder extends Identified>(
  order: TOrder,
  generate: () => string = generateClientOrderId,
  label = 'the order',
): ClientOrderIdResult<TOrder> {
  if (order.cl_ord_id !== undefined && order.order_userref !== undefined) {
    return {
      ok: false,
      reason: `${label} has both cl_ord_id and order_userref; Kraken accepts only one`,
    }
  }
  if (order.cl_ord_id !== undefined) {
    if (!isValidClientOrderId(order.cl_ord_id)) {
      return {
        ok: false,
        reason: `cl_ord_id of ${label} must be a UUID or 1 to 18 printable ASCII characters`,
      }
    }
    return { ok: true, value: order }
  }
  if (order.order_userref !== undefined) return { ok: true, value: order }
  return { ok: true, value: { ...order, cl_ord_id: generate() } }
}

/**
 * {@link withClientOrderId} for each order of a `batch_add`; refuses the batch
 * when any order is refused, or when two orders share a `cl_ord_id`.
 */
export function withBatchClientOrderIds<TOrder extends Identified>(
  orders: readonly TOrder[],
  generate: () => string = generateClientOrderId,
): ClientOrderIdResult<TOrder[]> {
  const out: TOrder[] = []
  const seen = new Set<string>()
  for (const [index, order] of orders.entries()) {
    const r = withClientOrderId(order, generate, `order ${index}`)
    if (!r.ok) return r
    const id = r.value.cl_ord_id
    if (id !== undefined) {
      if (seen.has(id))
        return { ok: false, reason: `order ${index} repeats cl_ord_id ${id}` }
      seen.add(id)
    }
    out.push(r.value)
  }
  return { ok: true, value: out }
}
