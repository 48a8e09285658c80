import * as v from 'valibot'
import { methodResponseEntries } from './methodResponse.js'
import {
  SubscriptionResultSchema,
  subscriptionFailureEntries,
} from './subscribe.js'

/**
 * Kraken's acknowledgement of `unsubscribe`, one per symbol.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const UnsubscribeResponseSchema = v.looseObject({
  ...methodResponseEntries(v.literal('unsubscribe'), SubscriptionResultSchema),
  ...subscriptionFailureEntries,
})
