import { chargeRate, checkFunds, checkMarketStatus } from '../admission.js'
import { closeOrder, report } from '../fills.js'
import { isMarketable, joinQueue, takeLiquidity } from '../matching.js'
import { hasLimitPrice, isTriggered, remainingQty } from '../order.js'
import { requireOrder } from '../orderLookup.js'
import { checkAmounts, pairOf } from '../orderSpec.js'
import {
  checkDeadline,
  readBool,
  readFloat,
  readString,
  requireFloat,
} from '../params.js'
import {
  invalidArguments,
  KRAKEN_ERRORS,
  TradingRejection,
} from '../rejection.js'
import { amendedReport } from '../reports.js'
import { rfc3339 } from '../time.js'
import type { MethodHandler } from './outcome.js'

/**
 * `amend_order`: changes an order in place, keeping its `order_id`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/amend_order
 */
export const amendOrder: MethodHandler = (ctx, account, params) => {
  const order_id = readString(params, 'order_id')
  const cl_ord_id = readString(params, 'cl_ord_id')
  if ((order_id === undefined) === (cl_ord_id === undefined))
    throw invalidArguments('order_id')
  const order_qty = requireFloat(params, 'order_qty')
  const limit_price = readFloat(params, 'limit_price')
  const trigger_price = readFloat(params, 'trigger_price')
  const post_only = readBool(params, 'post_only') ?? false
  readFloat(params, 'display_qty')
  checkDeadline(params, ctx.now())
  const order = requireOrder(ctx, account, { order_id, cl_ord_id })
  if (limit_price !== undefined && !hasLimitPrice(order.order_type))
    throw invalidArguments('limit_price')
  if (
    trigger_price !== undefined &&
    (!isTriggered(order.order_type) || order.pendingTrigger === undefined)
  )
    throw invalidArguments('trigger_price')
  const pair = pairOf(ctx, order.symbol)
  checkMarketStatus(ctx, order.symbol, 'amend')
  chargeRate(account, order.symbol, {
    type: 'amend',
    ageMs: ctx.now() - order.touchedAt,
  })
  const amended = {
    ...order,
    order_qty,
    ...(limit_price === undefined ? {} : { limit_price }),
  }
  checkAmounts(ctx, pair, amended)
  if (post_only && isMarketable(ctx, amended))
    throw new TradingRejection(KRAKEN_ERRORS.postOnly)
  checkFunds(ctx, account, amended, order)
  // Kraken keeps queue priority unless the price changes or the order grows.
  const requeue =
    order_qty > order.order_qty ||
    (limit_price !== undefined && limit_price !== order.limit_price)
  if (requeue) order.queuedAt = ctx.now()
  order.order_qty = order_qty
  if (limit_price !== undefined) order.limit_price = limit_price
  // Priority lost: the order joins the back of its (new) price's queue.
  if (requeue) joinQueue(ctx, order)
  if (trigger_price !== undefined && order.trigger !== undefined) {
    order.trigger = { ...order.trigger, price: trigger_price }
    order.pendingTrigger = {}
  }
  order.touchedAt = ctx.now()
  report(ctx, order, amendedReport(order, rfc3339(ctx.now())))
  // Kraken: an amend below the filled quantity cancels the rest.
  if (remainingQty(order) < pair.qty_increment / 2)
    closeOrder(ctx, order, 'canceled', 'User requested')
  else takeLiquidity(ctx, order)
  return [
    {
      ok: true,
      result: {
        amend_id: ctx.ids.amendId(),
        ...(order_id === undefined ? { cl_ord_id } : { order_id }),
      },
    },
  ]
}
