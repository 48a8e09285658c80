import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import { FlagSchema } from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/**
 * A `subscribe` request for the private `executions` channel (order and fill
 * events). The WS token is added when it is sent.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export const ExecutionSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('executions'),
    /** Kraken's default is `false`: include the last 50 fills in the snapshot. */
    snap_trades: v.exactOptional(FlagSchema),
    /** Kraken's default is `true`: include open orders in the snapshot. */
    snap_orders: v.exactOptional(FlagSchema),
    /** Kraken's default is `true`: stream every status transition. */
    order_status: v.exactOptional(FlagSchema),
    /** Kraken's default is `true`: xStocks in underlying-equity terms. */
    rebased: v.exactOptional(FlagSchema),
    /** Kraken's default is `false`: stream the rate-limit counter. */
    ratecounter: v.exactOptional(FlagSchema),
    /** `'all'` includes sub-accounts (master accounts; no snapshot). */
    users: v.exactOptional(oneOf(['all'])),
    /** @deprecated Kraken's older name of `snap_trades`. */
    snapshot_trades: v.exactOptional(FlagSchema),
    /** @deprecated Kraken's older name of `snap_orders`. */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `executions` channel. */
export type ExecutionSubscriptionRequest = v.InferOutput<
  typeof ExecutionSubscriptionRequestSchema
>

/** Options of {@link ExecutionSubscriptionRequest}: Kraken's own parameters. */
export type ExecutionSubscriptionOptions = Omit<
  ExecutionSubscriptionRequest['params'],
  'channel'
>

/**
 * Builds an `executions` subscription. Only the options given are sent
 * (never `users: null`, never a `ratecounter` you did not ask for).
 *
 * @throws {RequestValidationError} when an option is invalid.
 *
 * @example
 * ```ts
 * import { ExecutionSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = ExecutionSubscriptionRequest({ snap_trades: true })
 * ```
 */
export function ExecutionSubscriptionRequest(
  options: ExecutionSubscriptionOptions = {},
): ExecutionSubscriptionRequest {
  return buildSubscription(
    ExecutionSubscriptionRequestSchema,
    'subscribe',
    'executions',
    undefined,
    options,
  )
}

/**
 * An `unsubscribe` request for the `executions` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export const ExecutionUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({ channel: v.literal('executions') }),
})

/** An `unsubscribe` request for the `executions` channel. */
export type ExecutionUnsubscribeRequest = v.InferOutput<
  typeof ExecutionUnsubscribeRequestSchema
>

/**
 * Builds an `executions` unsubscription.
 *
 * @example
 * ```ts
 * import { ExecutionUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = ExecutionUnsubscribeRequest()
 * ```
 */
export function ExecutionUnsubscribeRequest(): ExecutionUnsubscribeRequest {
  return buildSubscription(
    ExecutionUnsubscribeRequestSchema,
    'unsubscribe',
    'executions',
    undefined,
    {},
  )
}
