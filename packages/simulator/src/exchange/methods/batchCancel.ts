import { chargeRate, checkMarketStatus } from '../admission.js'
import type { EngineContext } from '../context.js'
import { closeOrder } from '../fills.js'
import type { Order } from '../order.js'
import { orderByClOrdId, orderById, ordersByUserref } from '../orderLookup.js'
import { readList } from '../params.js'
import { invalidArguments } from '../rejection.js'
import type { MethodHandler } from './outcome.js'

/** Which `batch_cancel` response shape to send (SPEC §9.2). */
export type BatchCancelShape = 'live' | 'docs'

/**
 * Creates `batch_cancel`: 2 to 50 references (`orders`: order ids or
 * userrefs as strings; `cl_ord_id`), charged to each pair's rate counter.
 * Answers as the live service did in 2024 (top-level `orders_cancelled`,
 * no `result`) or as the docs show (`result.count`).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_cancel
 */
export function createBatchCancel(shape: BatchCancelShape): MethodHandler {
  return (ctx: EngineContext, account, params) => {
    const refs = readList(params, 'orders') as string[]
    const clOrdIds = readList(params, 'cl_ord_id') as string[]
    const total = refs.length + clOrdIds.length
    if (total < 2 || total > 50) throw invalidArguments('orders')
    checkMarketStatus(ctx, undefined, 'cancel')
    const found = new Set<Order>()
    for (const ref of refs) {
      const byId = orderById(ctx, account, ref)
      if (byId !== undefined) found.add(byId)
      else if (/^\d+$/.test(ref))
        for (const order of ordersByUserref(ctx, account, Number(ref)))
          found.add(order)
    }
    for (const id of clOrdIds) {
      const order = orderByClOrdId(ctx, account, id)
      if (order !== undefined) found.add(order)
    }
    const bySymbol = new Map<string, Order[]>()
    for (const order of found)
      bySymbol.set(order.symbol, [...(bySymbol.get(order.symbol) ?? []), order])
    for (const [symbol, orders] of bySymbol) {
      checkMarketStatus(ctx, symbol, 'cancel')
      chargeRate(account, symbol, {
        type: 'batch_cancel',
        agesMs: orders.map((order) => ctx.now() - order.touchedAt),
      })
    }
    for (const order of found)
      closeOrder(ctx, order, 'canceled', 'User requested')
    return [
      shape === 'live'
        ? { ok: true, top: { orders_cancelled: found.size } }
        : { ok: true, result: { count: found.size } },
    ]
  }
}
