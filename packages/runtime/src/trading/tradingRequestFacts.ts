import type { TradingRequest } from '@kraken-sockets/schema'
import type { TradingAck } from './tradingResponses.js'

/** What the desk and the sender need to know of a request, read once. */
export interface TradingRequestFacts {
  /** Every `cl_ord_id` the request names (its own, or each order's). */
  readonly clOrdIds: readonly string[]
  /** The ids of orders it creates: `add_order` / `batch_add`, unless validate-only. */
  readonly newOrderIds: readonly string[]
  /**
   * The `order_userref`s of orders it creates that carry no `cl_ord_id`
   * (non-zero: 0 is what Kraken reports for an order without one).
   */
  readonly newOrderUserrefs: readonly number[]
  /** Whether it may place orders (not `validate: true`): it has a rate cost. */
  readonly placesOrders: boolean
}

/** Reads a trading request's client order ids and whether it only validates. */
export function tradingRequestFactsOf(
  request: TradingRequest,
): TradingRequestFacts {
  const params = ('params' in request ? request.params : {}) as {
    cl_ord_id?: unknown
    order_userref?: unknown
    orders?: readonly { cl_ord_id?: unknown; order_userref?: unknown }[]
    validate?: unknown
  }
  const clOrdIds: string[] = []
  const userrefs: number[] = []
  for (const order of [params, ...(params.orders ?? [])]) {
    if (typeof order.cl_ord_id === 'string') clOrdIds.push(order.cl_ord_id)
    else {
      const userref = userrefOf(order.order_userref)
      if (userref !== undefined) userrefs.push(userref)
    }
  }
  // A validate-only request places nothing: no order to await, no rate cost.
  const placesOrders = params.validate !== true
  const creates =
    placesOrders &&
    (request.method === 'add_order' || request.method === 'batch_add')
  return {
    clOrdIds,
    newOrderIds: creates ? clOrdIds : [],
    newOrderUserrefs: creates ? userrefs : [],
    placesOrders,
  }
}

/** A usable `order_userref` (Kraken's are 32-bit integers; 0 means none). */
function userrefOf(value: unknown): number | undefined {
  const userref = typeof value === 'bigint' ? Number(value) : value
  if (typeof userref !== 'number' || !Number.isSafeInteger(userref))
    return undefined
  return userref === 0 ? undefined : userref
}

/** What an ack tells the desk: Kraken's clock stamps and the orders it placed. */
export interface AckFacts {
  readonly time_in: string | undefined
  readonly time_out: string | undefined
  /** Orders an `add_order` or `batch_add` ack placed. */
  readonly placed: readonly {
    order_id: string
    cl_ord_id: string | undefined
  }[]
}

/** Reads the clock stamps and placed orders of a (typed) trading ack. */
export function ackFactsOf(ack: TradingAck): AckFacts {
  const placed: { order_id: string; cl_ord_id: string | undefined }[] = []
  if (ack.method === 'add_order') {
    const order = ack.result
    if (order?.order_id !== undefined) {
      placed.push({ order_id: order.order_id, cl_ord_id: order.cl_ord_id })
    }
  } else if (ack.method === 'batch_add') {
    for (const order of ack.result ?? []) {
      placed.push({ order_id: order.order_id, cl_ord_id: order.cl_ord_id })
    }
  }
  return { time_in: ack.time_in, time_out: ack.time_out, placed }
}
