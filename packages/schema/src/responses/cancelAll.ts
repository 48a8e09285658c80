import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { IntegerSchema } from './shared.js'

/**
 * Kraken's answer to `cancel_all`: how many orders were cancelled.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_all
 */
export const CancelAllResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('cancel_all'),
    v.looseObject({ count: IntegerSchema, ...resultWarnings }),
  ),
})
