import * as v from 'valibot'
import { methodResponseEntries, resultWarnings } from './methodResponse.js'
import { IntegerSchema, type Precise } from './shared.js'

/**
 * The `result` of a subscribe or unsubscribe acknowledgement. Per-symbol
 * channels acknowledge each symbol separately.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const SubscriptionResultSchema = v.looseObject({
  channel: v.string(),
  symbol: v.exactOptional(v.string()),
  snapshot: v.exactOptional(v.boolean()),
  depth: v.exactOptional(IntegerSchema),
  interval: v.exactOptional(IntegerSchema),
  event_trigger: v.exactOptional(v.string()),
  maxratecount: v.exactOptional(v.number()),
  snap_orders: v.exactOptional(v.boolean()),
  snap_trades: v.exactOptional(v.boolean()),
  ...resultWarnings,
})

/**
 * Fields a failed subscription may carry beside `error`: the rejected
 * `symbol`, and on `ESession:Invalid session` the `channel` and `status`.
 */
export const subscriptionFailureEntries = {
  symbol: v.exactOptional(v.string()),
  channel: v.exactOptional(v.string()),
  status: v.exactOptional(v.string()),
}

/**
 * Kraken's acknowledgement of `subscribe`, one per symbol.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const SubscriptionResponseSchema = v.looseObject({
  ...methodResponseEntries(v.literal('subscribe'), SubscriptionResultSchema),
  ...subscriptionFailureEntries,
})

/** The `result` of a subscribe or unsubscribe acknowledgement. */
export type SubscriptionResult = Precise<
  v.InferOutput<typeof SubscriptionResultSchema>
>
