import type {
  Money,
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
 * The fields of an `instrument` pair the trading core needs.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export type InstrumentPair = {
  symbol: string
  status?: string | undefined
  price_increment: DecimalInput
  qty_increment: DecimalInput
  qty_min?: DecimalInput | undefined
  cost_min?: DecimalInput | undefined
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
