import * as v from 'valibot'
import { defineOperation } from './operation.js'

/** `balances`: the latest balance of each asset, from the balances channel. */
export const balancesOperation = defineOperation({
  name: 'balances',
  summary: 'Account balances',
  description:
    'Returns the latest balance of each asset of the account (asset, balance), as the balances channel last reported it. Empty until the first snapshot arrives.',
  http: { method: 'GET', path: '/balances' },
  input: v.object({}),
  output: v.object({
    balances: v.array(
      v.looseObject({ asset: v.string(), balance: v.number() }),
    ),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    return {
      balances: [...desk.balances.values()] as {
        asset: string
        balance: number
      }[],
    }
  },
})

/** `orders`: the open orders, merged from the executions channel. */
export const ordersOperation = defineOperation({
  name: 'orders',
  summary: 'Open orders',
  description:
    'Returns the open orders of the account as the executions channel reports them: order_id, cl_ord_id, symbol, side, order_type, order_qty, limit_price, cum_qty (filled so far) and order_status. Use it to find an order whose outcome was unknown.',
  http: { method: 'GET', path: '/orders' },
  input: v.object({}),
  output: v.object({
    orders: v.array(
      v.looseObject({
        order_id: v.string(),
        cl_ord_id: v.optional(v.string()),
        symbol: v.optional(v.string()),
        side: v.optional(v.string()),
        order_qty: v.optional(v.number()),
        limit_price: v.optional(v.number()),
        order_status: v.optional(v.string()),
      }),
    ),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    const orders = [...desk.kraken.orders.values()].map((order) =>
      Object.fromEntries(
        Object.entries(order).filter(([, value]) => value !== undefined),
      ),
    )
    return { orders: orders as { order_id: string }[] }
  },
})
