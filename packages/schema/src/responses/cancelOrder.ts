import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'

/**
 * Kraken's answer to `cancel_order`, one per cancelled order, sharing the `req_id`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_order
 */
export const CancelOrderResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('cancel_order'),
    v.looseObject({
      order_id: v.exactOptional(v.string()),
      cl_ord_id: v.exactOptional(v.string()),
      ...resultWarnings,
    }),
  ),
})
