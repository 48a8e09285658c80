import * as v from 'valibot'
import { parseRequest } from '../internal/parseRequest.js'

/**
 * A `cancel_all` request: cancels every open order, including untriggered
 * ones. Its only parameter is the token, added when it is sent.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_all
 */
export const CancelAllRequestSchema = v.strictObject({
  method: v.literal('cancel_all'),
})

/** A `cancel_all` request. */
export type CancelAllRequest = v.InferOutput<typeof CancelAllRequestSchema>

/**
 * Builds a `cancel_all` request.
 *
 * @example
 * ```ts
 * import { CancelAllRequest } from '@kraken-sockets/schema'
 *
 * const request = CancelAllRequest()
 * ```
 */
export function CancelAllRequest(): CancelAllRequest {
  return parseRequest(
    CancelAllRequestSchema,
    { method: 'cancel_all' },
    'cancel_all',
  )
}
