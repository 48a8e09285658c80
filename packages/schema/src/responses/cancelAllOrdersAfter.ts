import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { type Precise, TimestampSchema } from './shared.js'

/**
 * Kraken's answer to `cancel_all_orders_after` (dead man's switch). Its result keys are camelCase on the wire.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_after
 */
export const CancelAllOrdersAfterResponseSchema = v.looseObject({
  ...methodResponseEntries(
    v.literal('cancel_all_orders_after'),
    v.looseObject({
      currentTime: TimestampSchema,
      triggerTime: TimestampSchema,
      ...resultWarnings,
    }),
  ),
})

/** A `cancel_all_orders_after` response. */
export type CancelAllOrdersAfterResponse = Precise<
  v.InferOutput<typeof CancelAllOrdersAfterResponseSchema>
>
