import * as v from 'valibot'
import { fieldPathItem } from '../internal/fieldIssue.js'

/** The part of an order the cross-field rules look at. */
type OrderShape = {
  [key: string]: unknown
  order_type: string
  order_qty?: unknown
  cash_order_qty?: unknown
  limit_price?: unknown
  triggers?: unknown
  stop_price?: unknown
  display_qty?: unknown
  time_in_force?: string
  expire_time?: unknown
  cl_ord_id?: unknown
  order_userref?: unknown
}

const LIMIT_PRICED = new Set([
  'limit',
  'iceberg',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop-limit',
])

const TRIGGERED = new Set([
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
])

type Rule = {
  /** The field the user has to fix. */
  field: string
  /** Whether the order breaks the rule. */
  broken: (order: OrderShape) => boolean
  reason: (order: OrderShape) => string
}

const RULES: readonly Rule[] = [
  {
    field: 'cl_ord_id',
    broken: (order) =>
      order.cl_ord_id !== undefined && order.order_userref !== undefined,
    reason: () =>
      'cannot be combined with "order_userref" (they are mutually exclusive)',
  },
  {
    field: 'order_qty',
    broken: (order) =>
      order.order_qty === undefined && order.cash_order_qty === undefined,
    reason: () => 'is required (or cash_order_qty, for market buys)',
  },
  {
    field: 'limit_price',
    broken: (order) =>
      LIMIT_PRICED.has(order.order_type) && order.limit_price === undefined,
    reason: (order) => `is required for order_type "${order.order_type}"`,
  },
  {
    field: 'triggers',
    broken: (order) =>
      TRIGGERED.has(order.order_type) &&
      order.triggers === undefined &&
      order.stop_price === undefined,
    reason: (order) =>
      `is required for order_type "${order.order_type}" ({ price, reference?, price_type? })`,
  },
  {
    field: 'display_qty',
    broken: (order) =>
      order.order_type === 'iceberg' && order.display_qty === undefined,
    reason: () => 'is required for order_type "iceberg"',
  },
  {
    field: 'expire_time',
    broken: (order) =>
      order.time_in_force === 'gtd' && order.expire_time === undefined,
    reason: () => 'is required when time_in_force is "gtd"',
  },
]

/**
 * Cross-field rules of one order (Kraken's add_order page), each reported on
 * the field the user has to fix. Runs once every field is individually valid.
 */
export function orderRules<TOrder extends OrderShape>() {
  return v.rawCheck<TOrder>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const order = dataset.value
    for (const rule of RULES) {
      if (!rule.broken(order)) continue
      addIssue({
        message: rule.reason(order),
        path: [fieldPathItem(order, rule.field)],
      })
    }
  })
}
