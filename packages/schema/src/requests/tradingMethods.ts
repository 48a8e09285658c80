/**
 * Kraken's trading methods, as it names them: each is sent on the private
 * socket with the WS token and answered by one `TradingResponse` (or one per
 * order, for some cancels).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const TRADING_METHODS = Object.freeze([
  'add_order',
  'amend_order',
  'edit_order',
  'cancel_order',
  'cancel_all',
  'cancel_all_orders_after',
  'batch_add',
  'batch_cancel',
] as const)

/** One of {@link TRADING_METHODS}. */
export type TradingMethod = (typeof TRADING_METHODS)[number]

/**
 * The trading methods that place or change orders: the ones a pair's
 * increments, minimums and status apply to.
 */
export const PLACING_METHODS = Object.freeze([
  'add_order',
  'batch_add',
  'amend_order',
  'edit_order',
] as const)

/** One of {@link PLACING_METHODS}. */
export type PlacingMethod = (typeof PLACING_METHODS)[number]

const placing: ReadonlySet<string> = new Set(PLACING_METHODS)

/**
 * Whether `method` places or changes orders (one of {@link PLACING_METHODS}).
 *
 * @example
 * ```ts
 * import { isPlacingMethod } from '@kraken-sockets/schema'
 *
 * isPlacingMethod('add_order') // true
 * isPlacingMethod('cancel_all') // false
 * ```
 */
export function isPlacingMethod(method: string): method is PlacingMethod {
  return placing.has(method)
}
