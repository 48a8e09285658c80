import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { TimestampSchema } from './shared.js'

/**
 * Kraken's answer to `cancel_all_orders_after` (dead man's switch). Its result keys are camelCase on the wire.
 * A disarm (`timeout: 0`) has no trigger time: Kraken's REST answer, which this mirrors, writes it as `"0"`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_after
 */
export const CancelAllOrdersAfterResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('cancel_all_orders_after'),
    v.looseObject({
      currentTime: TimestampSchema,
      triggerTime: v.union([TimestampSchema, v.literal('0')]),
      ...resultWarnings,
    }),
  ),
})
