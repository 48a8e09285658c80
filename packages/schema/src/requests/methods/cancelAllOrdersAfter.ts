import * as v from 'valibot'
import { parseRequest } from '../internal/parseRequest.js'

/** The largest `timeout` Kraken accepts, in seconds ("less than 86400"). */
export const CANCEL_AFTER_MAX_TIMEOUT = 86_399

/**
 * A `cancel_all_orders_after` request (dead man's switch): cancels every
 * order after `timeout` seconds unless called again; `timeout: 0` disables
 * it.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_after
 */
export const CancelAllOrdersAfterRequestSchema = v.strictObject({
  method: v.literal('cancel_all_orders_after'),
  params: v.strictObject({
    timeout: v.pipe(
      v.number('must be a whole number of seconds'),
      v.safeInteger('must be a whole number of seconds'),
      v.minValue(0, 'must be between 0 (disable) and 86399 seconds'),
      v.maxValue(
        CANCEL_AFTER_MAX_TIMEOUT,
        'must be between 0 (disable) and 86399 seconds',
      ),
    ),
  }),
})

/** A `cancel_all_orders_after` request. */
export type CancelAllOrdersAfterRequest = v.InferOutput<
  typeof CancelAllOrdersAfterRequestSchema
>

/** The parameters of {@link CancelAllOrdersAfterRequest}, in Kraken's names. */
export type CancelAllOrdersAfterParams = CancelAllOrdersAfterRequest['params']

/**
 * Builds a `cancel_all_orders_after` request. Kraken recommends calling it
 * every 15 to 30 s with `timeout: 60`.
 *
 * @throws {RequestValidationError} when `timeout` is not a whole number of
 * seconds from 0 to 86399.
 *
 * @example
 * ```ts
 * import { CancelAllOrdersAfterRequest } from '@kraken-sockets/schema'
 *
 * const request = CancelAllOrdersAfterRequest({ timeout: 60 })
 * ```
 */
export function CancelAllOrdersAfterRequest(
  params: CancelAllOrdersAfterParams,
): CancelAllOrdersAfterRequest {
  return parseRequest(
    CancelAllOrdersAfterRequestSchema,
    { method: 'cancel_all_orders_after', params },
    'cancel_all_orders_after',
  )
}
