import type { OrderTrigger, OrderType, TimeInForce } from './types.js'

/** A validated `add_order` request, before it becomes an order. */
export type OrderSpec = {
  symbol: string
  side: 'buy' | 'sell'
  order_type: OrderType
  order_qty: number
  cash_order_qty?: number
  limit_price?: number
  limit_price_type?: 'static' | 'pct' | 'quote'
  trigger?: OrderTrigger
  time_in_force: TimeInForce
  expire_time?: number
  post_only: boolean
  reduce_only: boolean
  cl_ord_id?: string
  order_userref?: number
  display_qty?: number
}

/** An open order's live state. */
export type Order = OrderSpec & {
  readonly order_id: string
  readonly accountId: string
  readonly createdAt: number
  /** When the order was created or last amended (rate counter age). */
  touchedAt: number
  /** Queue priority time: kept by an amend that only shrinks the order. */
  queuedAt: number
  cum_qty: number
  cum_cost: number
  fee_total: number
  /**
   * The market's quantity ahead of this resting order at its price (queue
   * position model); `undefined` under the L2 model.
   */
  queueAhead?: number | undefined
  /** Untriggered trigger state; `undefined` once triggered or for plain orders. */
  pendingTrigger?: TriggerState | undefined
  expiryHandle?: unknown
}

/** Where an untriggered order stands. */
export type TriggerState = {
  /** The absolute trigger price, once a reference price is known. */
  price?: number
  /** Best reference price seen (trailing orders). */
  extreme?: number
}

const LIMIT_TYPES: ReadonlySet<OrderType> = new Set([
  'limit',
  'iceberg',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop-limit',
])

const TRIGGER_TYPES: ReadonlySet<OrderType> = new Set([
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
])

/** Whether orders of this type carry a `limit_price`. */
export function hasLimitPrice(type: OrderType): boolean {
  return LIMIT_TYPES.has(type)
}

/** Whether orders of this type wait for a trigger. */
export function isTriggered(type: OrderType): boolean {
  return TRIGGER_TYPES.has(type)
}

/** Quantity still to fill. */
export function remainingQty(order: Order): number {
  return Math.max(0, order.order_qty - order.cum_qty)
}
