import type { Account, EngineContext } from './context.js'
import type { Order } from './order.js'
import { KRAKEN_ERRORS, TradingRejection } from './rejection.js'

/** The account's open order `order_id`, if any. */
export function orderById(
  ctx: EngineContext,
  account: Account,
  orderId: string,
): Order | undefined {
  const order = ctx.orders.get(orderId)
  return order?.accountId === account.id ? order : undefined
}

/** The account's open order tagged `cl_ord_id`, if any. */
export function orderByClOrdId(
  ctx: EngineContext,
  account: Account,
  clOrdId: string,
): Order | undefined {
  for (const order of ctx.orders.values())
    if (order.accountId === account.id && order.cl_ord_id === clOrdId)
      return order
  return undefined
}

/** The account's open orders tagged `order_userref` (a non-unique tag). */
export function ordersByUserref(
  ctx: EngineContext,
  account: Account,
  userref: number,
): Order[] {
  return [...ctx.orders.values()].filter(
    (order) =>
      order.accountId === account.id && order.order_userref === userref,
  )
}

/** The account's open orders. */
export function accountOrders(ctx: EngineContext, account: Account): Order[] {
  return [...ctx.orders.values()].filter(
    (order) => order.accountId === account.id,
  )
}

/** Like {@link orderById} / {@link orderByClOrdId}, or `EOrder:Unknown order`. */
export function requireOrder(
  ctx: EngineContext,
  account: Account,
  ref: { order_id?: string | undefined; cl_ord_id?: string | undefined },
): Order {
  const order =
    ref.order_id !== undefined
      ? orderById(ctx, account, ref.order_id)
      : ref.cl_ord_id !== undefined
        ? orderByClOrdId(ctx, account, ref.cl_ord_id)
        : undefined
  if (order === undefined)
    throw new TradingRejection(KRAKEN_ERRORS.unknownOrder)
  return order
}
