import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { IntegerSchema } from './shared.js'

/**
 * Kraken's answer to `batch_add`: one result per order, in request order.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_add
 */
export const BatchAddResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('batch_add'),
    v.array(
      v.looseObject({
        order_id: v.string(),
        cl_ord_id: v.exactOptional(v.string()),
        order_userref: v.exactOptional(IntegerSchema),
        ...resultWarnings,
      }),
    ),
  ),
})
