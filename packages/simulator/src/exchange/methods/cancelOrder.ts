import { chargeRate, checkMarketStatus } from '../admission.js'
import type { Account, EngineContext } from '../context.js'
import { closeOrder } from '../fills.js'
import type { Order } from '../order.js'
import {
  accountOrders,
  orderByClOrdId,
  orderById,
  ordersByUserref,
} from '../orderLookup.js'
import { readList } from '../params.js'
import {
  invalidArguments,
  KRAKEN_ERRORS,
  TradingRejection,
} from '../rejection.js'
import type { MethodHandler, Outcome } from './outcome.js'

/** Cancels one order on request, charging the rate counter by its age. */
function cancelOne(
  ctx: EngineContext,
  account: Account,
  order: Order,
  result: Record<string, unknown>,
): Outcome {
  try {
    checkMarketStatus(ctx, order.symbol, 'cancel')
    chargeRate(account, order.symbol, {
      type: 'cancel',
      ageMs: ctx.now() - order.touchedAt,
    })
  } catch (error) {
    if (error instanceof TradingRejection)
      return { ok: false, error: error.message }
    throw error
  }
  closeOrder(ctx, order, 'canceled', 'User requested')
  return { ok: true, result }
}

const unknown: Outcome = { ok: false, error: KRAKEN_ERRORS.unknownOrder }

/**
 * `cancel_order`: one response per order, found by `order_id`,
 * `cl_ord_id` or `order_userref` (which may match several orders).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_order
 */
export const cancelOrder: MethodHandler = (ctx, account, params) => {
  const orderIds = readList(params, 'order_id') as string[]
  const clOrdIds = readList(params, 'cl_ord_id') as string[]
  const userrefs = readList(params, 'order_userref', 'int') as number[]
  if (orderIds.length + clOrdIds.length + userrefs.length === 0)
    throw invalidArguments('order_id')
  checkMarketStatus(ctx, undefined, 'cancel')
  const outcomes: Outcome[] = []
  for (const id of orderIds) {
    const order = orderById(ctx, account, id)
    outcomes.push(
      order === undefined
        ? unknown
        : cancelOne(ctx, account, order, { order_id: id }),
    )
  }
  for (const id of clOrdIds) {
    const order = orderByClOrdId(ctx, account, id)
    outcomes.push(
      order === undefined
        ? unknown
        : cancelOne(ctx, account, order, { cl_ord_id: id }),
    )
  }
  for (const userref of userrefs) {
    const orders = ordersByUserref(ctx, account, userref)
    if (orders.length === 0) outcomes.push(unknown)
    for (const order of orders)
      outcomes.push(
        cancelOne(ctx, account, order, { order_id: order.order_id }),
      )
  }
  return outcomes
}

/** Cancels every open order of the account; returns how many. */
export function cancelEverything(
  ctx: EngineContext,
  account: Account,
  reason: string,
): number {
  const orders = accountOrders(ctx, account)
  for (const order of orders) closeOrder(ctx, order, 'canceled', reason)
  return orders.length
}

/**
 * `cancel_all`: cancels every open order, untriggered ones included.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_all
 */
export const cancelAll: MethodHandler = (ctx, account) => {
  checkMarketStatus(ctx, undefined, 'cancel')
  return [
    {
      ok: true,
      result: { count: cancelEverything(ctx, account, 'User requested') },
    },
  ]
}
