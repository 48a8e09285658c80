import {
  chargeRate,
  checkFunds,
  checkMarketStatus,
  checkOpenOrders,
} from '../admission.js'
import type { Account, EngineContext } from '../context.js'
import type { Order, OrderSpec } from '../order.js'
import { orderByClOrdId } from '../orderLookup.js'
import { parseOrderSpec } from '../orderSpec.js'
import { readBool } from '../params.js'
import { draftOrder, placeOrder } from '../placeOrder.js'
import { invalidArguments } from '../rejection.js'
import { echoIds, type MethodHandler } from './outcome.js'

/** Refuses a `cl_ord_id` already used by an open order of the account. */
export function checkClOrdIdFree(
  ctx: EngineContext,
  account: Account,
  spec: OrderSpec,
): void {
  if (
    spec.cl_ord_id !== undefined &&
    orderByClOrdId(ctx, account, spec.cl_ord_id) !== undefined
  )
    throw invalidArguments('cl_ord_id')
}

/**
 * Admits and books one validated order; with `validate`, runs every check
 * but books nothing and returns no `order_id`.
 */
export function admitOrder(
  ctx: EngineContext,
  account: Account,
  spec: OrderSpec,
  validate: boolean,
): Order {
  const order = draftOrder(
    ctx,
    account,
    spec,
    validate ? '' : ctx.ids.orderId(),
  )
  checkFunds(ctx, account, order)
  if (!validate) placeOrder(ctx, order)
  return order
}

/**
 * `add_order`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const addOrder: MethodHandler = (ctx, account, params) => {
  const spec = parseOrderSpec(ctx, params)
  const validate = readBool(params, 'validate') ?? false
  checkMarketStatus(ctx, spec.symbol, 'place', spec)
  checkClOrdIdFree(ctx, account, spec)
  if (!validate) chargeRate(account, spec.symbol, { type: 'add' })
  checkOpenOrders(ctx, account, spec.symbol)
  const order = admitOrder(ctx, account, spec, validate)
  return [
    {
      ok: true,
      result: validate
        ? echoIds(spec)
        : { order_id: order.order_id, ...echoIds(spec) },
    },
  ]
}
