import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'

/**
 * Kraken's answer to `edit_order`: the replacement's new `order_id`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/edit_order
 */
export const EditOrderResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('edit_order'),
    v.looseObject({
      order_id: v.string(),
      original_order_id: v.string(),
      ...resultWarnings,
    }),
  ),
})
