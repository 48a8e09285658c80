import { roundTo } from './decimal.js'
import { hasLimitPrice, type Order } from './order.js'
import type { ExecutionReport, Fee } from './types.js'

type Ids = Pick<ExecutionReport, 'order_id' | 'cl_ord_id' | 'order_userref'>

function ids(order: Order): Ids {
  return {
    order_id: order.order_id,
    ...(order.cl_ord_id === undefined ? {} : { cl_ord_id: order.cl_ord_id }),
    order_userref: order.order_userref ?? 0,
  }
}

function statusOf(order: Order): 'new' | 'partially_filled' {
  return order.cum_qty > 0 ? 'partially_filled' : 'new'
}

function totals(order: Order, pricePrecision: number) {
  return {
    cum_qty: order.cum_qty,
    cum_cost: order.cum_cost,
    fee_usd_equiv: order.fee_total,
    avg_price:
      order.cum_qty > 0
        ? roundTo(order.cum_cost / order.cum_qty, pricePrecision)
        : 0,
  }
}

/** The full description of an order, as `pending_new` and snapshots carry it. */
function describe(order: Order, timestamp: string) {
  const trigger = order.trigger
  return {
    ...ids(order),
    symbol: order.symbol,
    order_qty: order.order_qty,
    ...(order.cash_order_qty === undefined
      ? {}
      : { cash_order_qty: order.cash_order_qty }),
    cum_cost: order.cum_cost,
    time_in_force: order.time_in_force.toUpperCase() as Uppercase<
      Order['time_in_force']
    >,
    ...(order.expire_time === undefined
      ? {}
      : { expire_time: new Date(order.expire_time).toISOString() }),
    side: order.side,
    order_type: order.order_type,
    ...(hasLimitPrice(order.order_type)
      ? {
          limit_price_type: order.limit_price_type ?? 'static',
          limit_price: order.limit_price ?? 0,
        }
      : {}),
    ...(trigger === undefined
      ? {}
      : {
          triggers: {
            reference: trigger.reference,
            price: trigger.price,
            price_type: trigger.price_type,
            status:
              order.pendingTrigger === undefined ? 'triggered' : 'untriggered',
          },
        }),
    stop_price: trigger?.price ?? 0,
    ...(order.post_only ? { post_only: true } : {}),
    ...(order.reduce_only ? { reduce_only: true } : {}),
    fee_usd_equiv: order.fee_total,
    fee_ccy_pref: 'fciq' as const,
    timestamp,
  }
}

/** The first event of an order (full details). */
export function pendingNewReport(
  order: Order,
  timestamp: string,
): ExecutionReport {
  return {
    ...describe(order, timestamp),
    exec_type: 'pending_new',
    order_status: 'pending_new',
  }
}

/** The order is accepted and open (sparse, as Kraken sends it). */
export function newReport(order: Order, timestamp: string): ExecutionReport {
  return {
    timestamp,
    order_status: 'new',
    exec_type: 'new',
    order_userref: order.order_userref ?? 0,
    order_id: order.order_id,
    ...(order.cl_ord_id === undefined ? {} : { cl_ord_id: order.cl_ord_id }),
  }
}

/** An open order in an executions snapshot. */
export function snapshotOrderReport(
  order: Order,
  timestamp: string,
  pricePrecision: number,
): ExecutionReport {
  return {
    ...describe(order, timestamp),
    ...totals(order, pricePrecision),
    exec_type: 'new',
    order_status: statusOf(order),
  }
}

/** One fill. */
export function tradeReport(
  order: Order,
  fill: {
    exec_id: string
    trade_id: number
    last_qty: number
    last_price: number
    cost: number
    liquidity_ind: 't' | 'm'
    fees: readonly Fee[]
  },
  timestamp: string,
  pricePrecision: number,
): ExecutionReport {
  const { cum_qty, cum_cost, avg_price, fee_usd_equiv } = totals(
    order,
    pricePrecision,
  )
  return {
    ...ids(order),
    exec_id: fill.exec_id,
    exec_type: 'trade',
    trade_id: fill.trade_id,
    symbol: order.symbol,
    side: order.side,
    last_qty: fill.last_qty,
    last_price: fill.last_price,
    liquidity_ind: fill.liquidity_ind,
    cost: fill.cost,
    order_type: order.order_type,
    timestamp,
    // Kraken reports every trade as partially_filled, then a `filled` event.
    order_status: 'partially_filled',
    cum_qty,
    cum_cost,
    avg_price,
    fee_usd_equiv,
    fees: fill.fees,
  }
}

/** The order's last fill completed it. */
export function filledReport(
  order: Order,
  timestamp: string,
  pricePrecision: number,
): ExecutionReport {
  return {
    timestamp,
    order_status: 'filled',
    exec_type: 'filled',
    ...totals(order, pricePrecision),
    ...ids(order),
  }
}

/** The order left the book without filling completely. */
export function closedReport(
  order: Order,
  kind: 'canceled' | 'expired',
  reason: string,
  timestamp: string,
  pricePrecision: number,
): ExecutionReport {
  return {
    timestamp,
    order_status: kind,
    exec_type: kind,
    ...totals(order, pricePrecision),
    order_userref: order.order_userref ?? 0,
    cancel_reason: reason,
    reason,
    order_id: order.order_id,
    ...(order.cl_ord_id === undefined ? {} : { cl_ord_id: order.cl_ord_id }),
  }
}

/** The order was amended in place. */
export function amendedReport(
  order: Order,
  timestamp: string,
): ExecutionReport {
  return {
    timestamp,
    exec_type: 'amended',
    order_status: statusOf(order),
    cum_qty: order.cum_qty,
    reason: 'User requested',
    amended: true,
    order_qty: order.order_qty,
    ...(hasLimitPrice(order.order_type)
      ? {
          limit_price: order.limit_price ?? 0,
          limit_price_type: order.limit_price_type ?? 'static',
        }
      : {}),
    order_userref: order.order_userref ?? 0,
    order_id: order.order_id,
    ...(order.cl_ord_id === undefined ? {} : { cl_ord_id: order.cl_ord_id }),
  }
}
