import * as v from 'valibot'
import {
  FlagSchema,
  SymbolSchema,
  TimestampSchema,
} from '../internal/fields.js'
import { parseRequest } from '../internal/parseRequest.js'
import type { ReadonlyDeep } from '../internal/readonlyDeep.js'
import { orderEntries, TIME_IN_FORCE } from './orderFields.js'
import { orderRules } from './orderRules.js'

/**
 * An `add_order` request: one new order. Money fields (`order_qty`,
 * `limit_price`, `triggers.price`, ...) hold decimal strings, numbers or
 * bigints as given; {@link stringifyRequest} writes them as JSON numbers.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const AddOrderRequestSchema = v.strictObject({
  method: v.literal('add_order'),
  params: v.pipe(
    v.strictObject({
      ...orderEntries(TIME_IN_FORCE),
      symbol: SymbolSchema,
      /** Kraken's default is 5 s from now (500 ms to 60 s allowed). */
      deadline: v.exactOptional(TimestampSchema),
      /** Kraken's default is `false`; `true` validates without trading. */
      validate: v.exactOptional(FlagSchema),
    }),
    orderRules(),
  ),
})

/** An `add_order` request. */
export type AddOrderRequest = v.InferOutput<typeof AddOrderRequestSchema>

/** The parameters of {@link AddOrderRequest}, in Kraken's names. */
export type AddOrderParams = AddOrderRequest['params']

/**
 * Builds an `add_order` request from Kraken's parameters. Only the fields
 * given are sent (no token, no `req_id`: added when the frame is sent).
 *
 * @throws {RequestValidationError} on an unknown field or value (order type,
 * side, time in force, trigger fields), a missing required field (e.g.
 * `limit_price` of a limit order), `cl_ord_id` together with
 * `order_userref`, or a money value that is not a decimal.
 *
 * @example
 * ```ts
 * import { AddOrderRequest, stringifyRequest } from '@kraken-sockets/schema'
 *
 * const request = AddOrderRequest({
 *   order_type: 'limit',
 *   side: 'buy',
 *   symbol: 'BTC/USD',
 *   order_qty: '0.0001',
 *   limit_price: '26500.4',
 * })
 * stringifyRequest(request, { req_id: 1, token })
 * ```
 */
export function AddOrderRequest(
  params: ReadonlyDeep<AddOrderParams>,
): AddOrderRequest {
  return parseRequest(
    AddOrderRequestSchema,
    { method: 'add_order', params },
    'add_order',
  )
}
