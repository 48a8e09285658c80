import type { Account, EngineContext } from './context.js'
import { closeOrder, report } from './fills.js'
import {
  isMarketable,
  isMatching,
  joinQueue,
  takeLiquidity,
} from './matching.js'
import {
  isTriggered,
  type Order,
  type OrderSpec,
  remainingQty,
} from './order.js'
import { newReport, pendingNewReport } from './reports.js'
import { rfc3339 } from './time.js'

/** Builds the order `spec` would become, without booking it. */
export function draftOrder(
  ctx: EngineContext,
  account: Account,
  spec: OrderSpec,
  order_id = '',
): Order {
  const now = ctx.now()
  return {
    ...spec,
    order_id,
    accountId: account.id,
    createdAt: now,
    touchedAt: now,
    queuedAt: now,
    cum_qty: 0,
    cum_cost: 0,
    fee_total: 0,
    ...(isTriggered(spec.order_type) ? { pendingTrigger: {} } : {}),
  }
}

/** Arms the GTD expiry of `order`. */
function scheduleExpiry(ctx: EngineContext, order: Order): void {
  if (order.expire_time === undefined) return
  order.expiryHandle = ctx.scheduler.setTimeout(
    () => {
      if (ctx.orders.has(order.order_id))
        closeOrder(ctx, order, 'expired', 'Order expired')
    },
    Math.max(0, order.expire_time - ctx.now()),
  )
}

/**
 * Books a validated, funded order: emits `pending_new` then `new`, takes
 * what it can from the market, and applies post_only, IOC and FOK.
 */
export function placeOrder(ctx: EngineContext, order: Order): void {
  const timestamp = rfc3339(ctx.now())
  ctx.orders.set(order.order_id, order)
  report(ctx, order, pendingNewReport(order, timestamp))
  if (order.post_only && isMarketable(ctx, order)) {
    closeOrder(ctx, order, 'canceled', 'Post only order')
    return
  }
  if (order.time_in_force === 'fok' && !isMarketable(ctx, order)) {
    closeOrder(ctx, order, 'canceled', 'Fill or kill')
    return
  }
  report(ctx, order, newReport(order, timestamp))
  scheduleExpiry(ctx, order)
  if (isMatching(ctx, order.symbol)) takeLiquidity(ctx, order)
  joinQueue(ctx, order)
  const immediate =
    order.time_in_force === 'ioc' || order.time_in_force === 'fok'
  if (immediate && ctx.orders.has(order.order_id) && remainingQty(order) > 0)
    closeOrder(ctx, order, 'canceled', 'Immediate or cancel')
}
