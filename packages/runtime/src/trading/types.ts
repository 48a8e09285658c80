import type {
  Money,
  Pair,
  TradingMethod as SchemaTradingMethod,
} from '@kraken-sockets/schema'
/**
 * Minimal structural types for the values the trading core reads. They name
 * Kraken's fields exactly, so the schema package's decoded values and request
 * params satisfy them without conversion.
 */

/**
 * Money as a caller may give it: schema's `Money` (a decimal string,
 * preferred, a number, or a bigint), under the runtime's exported name.
 */
export type DecimalInput = Money

/** Order sides. */
export type OrderSide = 'buy' | 'sell'

/**
 * The fields of an `instrument` pair that order rounding and the local guards
 * read: schema's {@link Pair} fields by name, with the increments also
 * accepted as exact decimal text. Every `Pair` fits it.
 *
 * @deprecated As a public name: `kraken.instruments` now holds schema's
 * `Pair`. This name stays for one minor version, then leaves the public
 * API (rounding keeps it inside).
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export type InstrumentPair = Pick<Pair, 'symbol'> & {
  [K in 'status']?: Pair[K] | undefined
} & {
  [K in 'price_increment' | 'qty_increment']: DecimalInput
} & {
  [K in 'qty_min' | 'cost_min']?: DecimalInput | undefined
}

/**
 * One order as `add_order` or a `batch_add` item takes it (the fields read here).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export type OrderParams = {
  order_type: string
  side: OrderSide
  order_qty?: DecimalInput | undefined
  limit_price?: DecimalInput | undefined
  symbol?: string | undefined
  post_only?: boolean | undefined
  reduce_only?: boolean | undefined
  cash_order_qty?: DecimalInput | undefined
  cl_ord_id?: string | undefined
  order_userref?: number | bigint | undefined
}

/** The trading methods, as Kraken names them (schema's list). */
export type TradingMethod = SchemaTradingMethod

/**
 * The envelope of a response to a trading method (§2.2 of the spec digest).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export type TradingResponseLike = {
  method: string
  success?: boolean | undefined
  error?: string | undefined
  req_id?: number | undefined
  result?: unknown
  time_in?: string | undefined
  time_out?: string | undefined
}
