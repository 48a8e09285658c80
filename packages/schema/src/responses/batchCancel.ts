import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { IntegerSchema } from './shared.js'

/**
 * Kraken's answer to `batch_cancel`. The docs show `result.count`; the live service sent a top-level `orders_cancelled` and no `result`. Both are accepted.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_cancel
 */
export const BatchCancelResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('batch_cancel'),
    v.looseObject({ count: IntegerSchema, ...resultWarnings }),
  ),
  orders_cancelled: v.exactOptional(IntegerSchema),
})
