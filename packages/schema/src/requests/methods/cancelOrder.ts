import * as v from 'valibot'
import { fieldPathItem } from '../internal/fieldIssue.js'
import {
  ClientOrderIdSchema,
  IntegerSchema,
  OrderIdSchema,
} from '../internal/fields.js'
import { parseRequest } from '../internal/parseRequest.js'
import type { ReadonlyDeep } from '../internal/readonlyDeep.js'

const NOT_EMPTY = 'must list at least one id when given'

/**
 * A `cancel_order` request: cancels orders named by any combination of order
 * ids, client order ids and user references. Kraken answers once per order.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_order
 */
export const CancelOrderRequestSchema = v.strictObject({
  method: v.literal('cancel_order'),
  params: v.pipe(
    v.strictObject({
      order_id: v.exactOptional(
        v.pipe(v.array(OrderIdSchema), v.minLength(1, NOT_EMPTY)),
      ),
      cl_ord_id: v.exactOptional(
        v.pipe(v.array(ClientOrderIdSchema), v.minLength(1, NOT_EMPTY)),
      ),
      order_userref: v.exactOptional(
        v.pipe(v.array(IntegerSchema), v.minLength(1, NOT_EMPTY)),
      ),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const params = dataset.value
      if (
        params.order_id === undefined &&
        params.cl_ord_id === undefined &&
        params.order_userref === undefined
      ) {
        addIssue({
          message:
            'is required (or "cl_ord_id" or "order_userref") to name the orders',
          path: [fieldPathItem(params, 'order_id')],
        })
      }
    }),
  ),
})

/** A `cancel_order` request. */
export type CancelOrderRequest = v.InferOutput<typeof CancelOrderRequestSchema>

/** The parameters of {@link CancelOrderRequest}, in Kraken's names. */
export type CancelOrderParams = CancelOrderRequest['params']

/**
 * Builds a `cancel_order` request from Kraken's parameters.
 *
 * @throws {RequestValidationError} when no order is named or an id is
 * invalid.
 *
 * @example
 * ```ts
 * import { CancelOrderRequest } from '@kraken-sockets/schema'
 *
 * const request = CancelOrderRequest({ order_id: ['OM5CRX-N2HAL-GFGWE9'] })
 * ```
 */
export function CancelOrderRequest(
  params: ReadonlyDeep<CancelOrderParams>,
): CancelOrderRequest {
  return parseRequest(
    CancelOrderRequestSchema,
    { method: 'cancel_order', params },
    'cancel_order',
  )
}
