import * as v from 'valibot'
import { MoneySchema, QuantitySchema } from '../../money/moneySchema.js'
import { fieldPathItem } from '../internal/fieldIssue.js'
import {
  ClientOrderIdSchema,
  FlagSchema,
  OrderIdSchema,
  SymbolSchema,
  TimestampSchema,
} from '../internal/fields.js'
import { parseRequest } from '../internal/parseRequest.js'
import type { ReadonlyDeep } from '../internal/readonlyDeep.js'
import { PriceTypeSchema } from './orderFields.js'

/** The fields that change an order; an amend needs at least one. */
const AMENDABLE = [
  'order_qty',
  'limit_price',
  'display_qty',
  'trigger_price',
] as const

/**
 * An `amend_order` request: changes an order in place (its ids and, where
 * possible, its queue priority are kept). The order is named by `order_id` or
 * `cl_ord_id`, and at least one of `order_qty`, `limit_price`, `display_qty`
 * and `trigger_price` is changed. Kraken's parameter table marks `order_qty`
 * required, but its own example amends only `limit_price`, so it is optional.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/amend_order
 */
export const AmendOrderRequestSchema = v.strictObject({
  method: v.literal('amend_order'),
  params: v.pipe(
    v.strictObject({
      order_id: v.exactOptional(OrderIdSchema),
      cl_ord_id: v.exactOptional(ClientOrderIdSchema),
      /** Kraken's table marks it required; its own example omits it. */
      order_qty: v.exactOptional(QuantitySchema),
      display_qty: v.exactOptional(QuantitySchema),
      limit_price: v.exactOptional(MoneySchema),
      limit_price_type: v.exactOptional(PriceTypeSchema),
      /** Kraken's default is `false`. */
      post_only: v.exactOptional(FlagSchema),
      trigger_price: v.exactOptional(MoneySchema),
      /** Kraken's default is `static`. */
      trigger_price_type: v.exactOptional(PriceTypeSchema),
      deadline: v.exactOptional(TimestampSchema),
      /** Required for non-crypto pairs (xStocks, e.g. `TSLAx/USD`). */
      symbol: v.exactOptional(SymbolSchema),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const params = dataset.value
      if (params.order_id === undefined && params.cl_ord_id === undefined) {
        addIssue({
          message: 'or "cl_ord_id" is required to name the order',
          path: [fieldPathItem(params, 'order_id')],
        })
      }
      if (AMENDABLE.every((field) => params[field] === undefined)) {
        addIssue({
          message: `or one of ${AMENDABLE.slice(1)
            .map((field) => `"${field}"`)
            .join(', ')} is required: there is nothing to amend`,
          path: [fieldPathItem(params, 'order_qty')],
        })
      }
    }),
  ),
})

/** An `amend_order` request. */
export type AmendOrderRequest = v.InferOutput<typeof AmendOrderRequestSchema>

/** The parameters of {@link AmendOrderRequest}, in Kraken's names. */
export type AmendOrderParams = AmendOrderRequest['params']

/**
 * Builds an `amend_order` request from Kraken's parameters.
 *
 * @throws {RequestValidationError} when neither `order_id` nor `cl_ord_id` is
 * given, nothing would change, or a field is unknown or invalid.
 *
 * @example
 * ```ts
 * import { AmendOrderRequest } from '@kraken-sockets/schema'
 *
 * const request = AmendOrderRequest({
 *   order_id: 'OAIYAU-LGI3M-PFM5VW',
 *   order_qty: '1.2',
 *   limit_price: '61031.3',
 * })
 * ```
 */
export function AmendOrderRequest(
  params: ReadonlyDeep<AmendOrderParams>,
): AmendOrderRequest {
  return parseRequest(
    AmendOrderRequestSchema,
    { method: 'amend_order', params },
    'amend_order',
  )
}
