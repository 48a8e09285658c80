import * as v from 'valibot'
import { fieldPathItem } from '../internal/fieldIssue.js'
import { ClientOrderIdSchema, OrderIdSchema } from '../internal/fields.js'
import { parseRequest } from '../internal/parseRequest.js'
import type { ReadonlyDeep } from '../internal/readonlyDeep.js'

/** The fewest ids a `batch_cancel` takes. */
export const BATCH_CANCEL_MIN_ORDERS = 2
/** The most ids a `batch_cancel` takes. */
export const BATCH_CANCEL_MAX_ORDERS = 50

/**
 * A `batch_cancel` request: 2 to 50 ids in all, from `orders` (Kraken order
 * ids, or `order_userref` values written as strings) and `cl_ord_id`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_cancel
 */
export const BatchCancelRequestSchema = v.strictObject({
  method: v.literal('batch_cancel'),
  params: v.pipe(
    v.strictObject({
      orders: v.exactOptional(v.array(OrderIdSchema, 'must be a list of ids')),
      cl_ord_id: v.exactOptional(
        v.array(ClientOrderIdSchema, 'must be a list of client order ids'),
      ),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const params = dataset.value
      const count =
        (params.orders?.length ?? 0) + (params.cl_ord_id?.length ?? 0)
      if (count < BATCH_CANCEL_MIN_ORDERS || count > BATCH_CANCEL_MAX_ORDERS) {
        addIssue({
          message: `with "cl_ord_id" must name ${BATCH_CANCEL_MIN_ORDERS} to ${BATCH_CANCEL_MAX_ORDERS} orders (received ${count})`,
          path: [fieldPathItem(params, 'orders')],
        })
      }
    }),
  ),
})

/** A `batch_cancel` request. */
export type BatchCancelRequest = v.InferOutput<typeof BatchCancelRequestSchema>

/** The parameters of {@link BatchCancelRequest}, in Kraken's names. */
export type BatchCancelParams = BatchCancelRequest['params']

/**
 * Builds a `batch_cancel` request from Kraken's parameters.
 *
 * @throws {RequestValidationError} when fewer than 2 or more than 50 ids are
 * given in all, or an id is invalid.
 *
 * @example
 * ```ts
 * import { BatchCancelRequest } from '@kraken-sockets/schema'
 *
 * const request = BatchCancelRequest({ orders: ['OM5CRX-N2HAL-GFGWE9', 'OLUMT4-UTEGU-ZYM7E9'] })
 * ```
 */
export function BatchCancelRequest(
  params: ReadonlyDeep<BatchCancelParams>,
): BatchCancelRequest {
  return parseRequest(
    BatchCancelRequestSchema,
    { method: 'batch_cancel', params },
    'batch_cancel',
  )
}
