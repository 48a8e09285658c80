import type { TradingRequest } from '@kraken-sockets/schema'

/** Methods that place or change orders: they need the instrument data to be rounded. */
export const PLACING_METHODS: ReadonlySet<string> = new Set([
  'add_order',
  'batch_add',
  'amend_order',
  'edit_order',
])

/** The `cl_ord_id`s an `add_order` or `batch_add` request carries. */
export function clientOrderIdsOf(request: TradingRequest): string[] {
  if (request.method === 'add_order') {
    const id = request.params.cl_ord_id
    return id === undefined ? [] : [id]
  }
  if (request.method === 'batch_add') {
    return request.params.orders.flatMap((order) =>
      order.cl_ord_id === undefined ? [] : [order.cl_ord_id],
    )
  }
  return []
}

/** Whether Kraken is asked only to check the request (`params.validate`). */
export function isValidateOnly(request: TradingRequest): boolean {
  if (!('params' in request)) return false
  const { params } = request
  return 'validate' in params && params.validate === true
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

/** Reads the clock stamps and placed orders of a trading ack. */
export function ackFactsOf(ack: unknown): AckFacts {
  const { time_in, time_out, method, result } = ack as {
    time_in?: string
    time_out?: string
    method: string
    result?: unknown
  }
  const placed: { order_id: string; cl_ord_id: string | undefined }[] = []
  if (method === 'add_order' || method === 'batch_add') {
    for (const item of Array.isArray(result) ? result : [result]) {
      const order = item as { order_id?: unknown; cl_ord_id?: unknown }
      if (typeof order?.order_id !== 'string') continue
      placed.push({
        order_id: order.order_id,
        cl_ord_id:
          typeof order.cl_ord_id === 'string' ? order.cl_ord_id : undefined,
      })
    }
  }
  return { time_in, time_out, placed }
}
