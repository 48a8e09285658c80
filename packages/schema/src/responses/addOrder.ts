import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { IntegerSchema } from './shared.js'

/**
 * Kraken's answer to `add_order`: the new `order_id` (fills arrive on `executions`).
 * A `validate: true` request places nothing, so its answer may carry no `order_id`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const AddOrderResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('add_order'),
    v.looseObject({
      order_id: v.exactOptional(v.string()),
      cl_ord_id: v.exactOptional(v.string()),
      order_userref: v.exactOptional(IntegerSchema),
      ...resultWarnings,
    }),
  ),
})
