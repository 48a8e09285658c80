import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import { FlagSchema } from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/**
 * A `subscribe` request for the private `balances` channel. The WS token is
 * added when it is sent.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export const BalancesSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('balances'),
    /** Kraken's default is `true`. */
    snapshot: v.exactOptional(FlagSchema),
    /** Kraken's default is `true`: xStocks in underlying-equity terms. */
    rebased: v.exactOptional(FlagSchema),
    /** `'all'` includes sub-accounts (master accounts; no snapshot). */
    users: v.exactOptional(oneOf(['all'])),
  }),
})

/** A `subscribe` request for the `balances` channel. */
export type BalancesSubscriptionRequest = v.InferOutput<
  typeof BalancesSubscriptionRequestSchema
>

/** Options of {@link BalancesSubscriptionRequest}: Kraken's own parameters. */
export type BalancesSubscriptionOptions = Omit<
  BalancesSubscriptionRequest['params'],
  'channel'
>

/**
 * Builds a `balances` subscription. `rebased` and `users` are sent only when
 * given, inside `params`.
 *
 * @throws {RequestValidationError} when an option is invalid.
 *
 * @example
 * ```ts
 * import { BalancesSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = BalancesSubscriptionRequest()
 * ```
 */
export function BalancesSubscriptionRequest(
  options: BalancesSubscriptionOptions = {},
): BalancesSubscriptionRequest {
  return buildSubscription(
    BalancesSubscriptionRequestSchema,
    'subscribe',
    'balances',
    undefined,
    options,
  )
}

/**
 * An `unsubscribe` request for the `balances` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export const BalancesUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({ channel: v.literal('balances') }),
})

/** An `unsubscribe` request for the `balances` channel. */
export type BalancesUnsubscribeRequest = v.InferOutput<
  typeof BalancesUnsubscribeRequestSchema
>

/**
 * Builds a `balances` unsubscription.
 *
 * @example
 * ```ts
 * import { BalancesUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = BalancesUnsubscribeRequest()
 * ```
 */
export function BalancesUnsubscribeRequest(): BalancesUnsubscribeRequest {
  return buildSubscription(
    BalancesUnsubscribeRequestSchema,
    'unsubscribe',
    'balances',
    undefined,
    {},
  )
}
