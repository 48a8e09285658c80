import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'

/**
 * Kraken's answer to `amend_order`: the `amend_id` and the order's id as sent.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/amend_order
 */
export const AmendOrderResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('amend_order'),
    v.looseObject({
      amend_id: v.string(),
      order_id: v.exactOptional(v.string()),
      cl_ord_id: v.exactOptional(v.string()),
      ...resultWarnings,
    }),
  ),
})
