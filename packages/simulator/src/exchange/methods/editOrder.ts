import { chargeRate, checkFunds, checkMarketStatus } from '../admission.js'
import { closeOrder } from '../fills.js'
import { isTriggered, type OrderSpec } from '../order.js'
import { requireOrder } from '../orderLookup.js'
import { checkAmounts, pairOf } from '../orderSpec.js'
import {
  checkDeadline,
  readBool,
  readFloat,
  readInt,
  readObject,
  readString,
  requireFloat,
  requireString,
} from '../params.js'
import { draftOrder, placeOrder } from '../placeOrder.js'
import { invalidArguments } from '../rejection.js'
import type { OrderTrigger } from '../types.js'
import type { MethodHandler } from './outcome.js'

/**
 * `edit_order`: cancels the order and books a replacement with a new
 * `order_id`; fills so far stay with the original.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/edit_order
 */
export const editOrder: MethodHandler = (ctx, account, params) => {
  const order_id = requireString(params, 'order_id')
  const symbol = requireString(params, 'symbol')
  if (params.cl_ord_id !== undefined) throw invalidArguments('cl_ord_id')
  const qty = readFloat(params, 'order_qty')
  const limit_price =
    readFloat(params, 'limit_price') ?? readFloat(params, 'price')
  const order_userref = readInt(params, 'order_userref')
  const triggers = readObject(params, 'triggers')
  const validate = readBool(params, 'validate') ?? false
  checkDeadline(params, ctx.now())
  const old = requireOrder(ctx, account, { order_id })
  if (old.symbol !== symbol) throw invalidArguments('symbol')
  if (isTriggered(old.order_type) && old.pendingTrigger === undefined)
    throw invalidArguments('order_id')
  const pair = pairOf(ctx, symbol)
  checkMarketStatus(ctx, symbol, 'amend')
  const total = qty ?? old.order_qty
  if (total <= old.cum_qty) throw invalidArguments('order_qty')
  let trigger: OrderTrigger | undefined = old.trigger
  if (triggers !== undefined && trigger !== undefined)
    trigger = {
      reference:
        readString(triggers, 'reference', ['index', 'last']) ??
        trigger.reference,
      price: requireFloat(triggers, 'price'),
      price_type:
        readString(triggers, 'price_type', ['static', 'pct', 'quote']) ??
        trigger.price_type,
    }
  const spec: OrderSpec = {
    symbol,
    side: old.side,
    order_type: old.order_type,
    order_qty: total,
    time_in_force: old.time_in_force,
    post_only: readBool(params, 'post_only') ?? old.post_only,
    reduce_only: readBool(params, 'reduce_only') ?? old.reduce_only,
  }
  const price = limit_price ?? old.limit_price
  if (price !== undefined) spec.limit_price = price
  if (trigger !== undefined) spec.trigger = trigger
  if (old.expire_time !== undefined) spec.expire_time = old.expire_time
  const userref = order_userref ?? old.order_userref
  if (userref !== undefined) spec.order_userref = userref
  checkAmounts(ctx, pair, spec)
  if (!validate)
    chargeRate(account, symbol, {
      type: 'edit',
      ageMs: ctx.now() - old.touchedAt,
    })
  spec.order_qty = total - old.cum_qty
  const replacement = draftOrder(
    ctx,
    account,
    spec,
    validate ? '' : ctx.ids.orderId(),
  )
  checkFunds(ctx, account, replacement, old)
  if (validate) return [{ ok: true, result: { original_order_id: order_id } }]
  closeOrder(ctx, old, 'canceled', 'Order replaced')
  placeOrder(ctx, replacement)
  return [
    {
      ok: true,
      result: {
        order_id: replacement.order_id,
        original_order_id: order_id,
      },
    },
  ]
}
