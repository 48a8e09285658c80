import { RiskRefusedError } from '../errors.js'
import type { DeskMode, RiskPolicy } from './policy.js'

/** An order as the risk gate sees it: what it would trade, at what price. */
export interface OrderIntent {
  readonly symbol: string
  /** Quantity in the base asset. */
  readonly qty: number
  /** The limit price; `undefined` for a market order (valued at the mid). */
  readonly price: number | undefined
}

/** What the gate reads from the live client at check time. */
export interface RiskContext {
  /** The mid of the symbol's verified book, `undefined` while out of sync or absent. */
  mid(symbol: string): number | undefined
  /** Open orders right now. */
  readonly openOrders: number
}

/** Checks orders against a {@link RiskPolicy} and counts what it admits. */
export interface RiskGate {
  readonly policy: RiskPolicy
  readonly mode: DeskMode
  /**
   * Admits `orders` (counted against the per-minute limit) or refuses them all.
   * `opens` says whether they add open orders (a place) or change existing ones.
   * @throws {RiskRefusedError} naming the first rule that refuses.
   */
  admit(
    orders: readonly OrderIntent[],
    context: RiskContext,
    opens: boolean,
  ): void
}

const MINUTE = 60_000

/**
 * Creates the gate. Pure apart from `now`: the rate window is a list of the
 * admission times of the last minute, trimmed on each call.
 */
export function createRiskGate(
  policy: RiskPolicy,
  mode: DeskMode,
  now: () => number = Date.now,
): RiskGate {
  const admitted: number[] = []
  const allowed = new Set(policy.symbols)

  const checkOne = (order: OrderIntent, context: RiskContext): void => {
    if (!allowed.has(order.symbol)) {
      throw new RiskRefusedError(
        'symbol_allow_list',
        `${order.symbol} is not in the allow-list (${policy.symbols.join(', ')}).`,
      )
    }
    const mid = context.mid(order.symbol)
    if (mid === undefined || !(mid > 0)) {
      throw new RiskRefusedError(
        'no_reference_price',
        `No verified book mid for ${order.symbol}: the price band cannot be checked.`,
      )
    }
    const price = order.price ?? mid
    if (order.price !== undefined) {
      const distance = (Math.abs(order.price - mid) / mid) * 10_000
      if (distance > policy.priceBandBps) {
        throw new RiskRefusedError(
          'price_band',
          `${order.price} is ${distance.toFixed(1)} bps from the mid ${mid}; the band is ${policy.priceBandBps} bps.`,
        )
      }
    }
    const notional = order.qty * price
    if (!(notional <= policy.maxOrderNotional)) {
      throw new RiskRefusedError(
        'max_order_notional',
        `${order.qty} × ${price} = ${notional} exceeds ${policy.maxOrderNotional}.`,
      )
    }
  }

  return {
    policy,
    mode,
    admit(orders, context, opens) {
      for (const order of orders) checkOne(order, context)
      if (opens && context.openOrders + orders.length > policy.maxOpenOrders) {
        throw new RiskRefusedError(
          'max_open_orders',
          `${context.openOrders} open + ${orders.length} new exceeds ${policy.maxOpenOrders}.`,
        )
      }
      const t = now()
      while (admitted.length > 0 && (admitted[0] ?? t) <= t - MINUTE)
        admitted.shift()
      if (admitted.length + orders.length > policy.maxOrdersPerMinute) {
        throw new RiskRefusedError(
          'max_orders_per_minute',
          `${admitted.length} orders in the last minute; the limit is ${policy.maxOrdersPerMinute}.`,
        )
      }
      for (let i = 0; i < orders.length; i += 1) admitted.push(t)
    },
  }
}
