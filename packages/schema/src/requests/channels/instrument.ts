import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import { FlagSchema } from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/** The execution venues the `instrument` channel can describe. */
export const INSTRUMENT_EXECUTION_VENUES = [
  'international',
  'bitnomial-exchange',
] as const

/**
 * A `subscribe` request for the `instrument` channel (reference data).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const InstrumentsSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('instrument'),
    /** Kraken's default is `international`. */
    execution_venue: v.exactOptional(oneOf(INSTRUMENT_EXECUTION_VENUES)),
    /** Kraken's default is `false`; `true` includes tokenized assets (xStocks). */
    include_tokenized_assets: v.exactOptional(FlagSchema),
    /** Kraken's default is `true`. */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `instrument` channel. */
export type InstrumentsSubscriptionRequest = v.InferOutput<
  typeof InstrumentsSubscriptionRequestSchema
>

/** Options of {@link InstrumentsSubscriptionRequest}: Kraken's own parameters. */
export type InstrumentsSubscriptionOptions = Omit<
  InstrumentsSubscriptionRequest['params'],
  'channel'
>

/**
 * Builds an `instrument` subscription. Only the options given are sent.
 *
 * @throws {RequestValidationError} when an option is invalid.
 *
 * @example
 * ```ts
 * import { InstrumentsSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = InstrumentsSubscriptionRequest({ include_tokenized_assets: true })
 * ```
 */
export function InstrumentsSubscriptionRequest(
  options: InstrumentsSubscriptionOptions = {},
): InstrumentsSubscriptionRequest {
  return buildSubscription(
    InstrumentsSubscriptionRequestSchema,
    'subscribe',
    'instrument',
    undefined,
    options,
  )
}

/**
 * An `unsubscribe` request for the `instrument` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const InstrumentsUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({ channel: v.literal('instrument') }),
})

/** An `unsubscribe` request for the `instrument` channel. */
export type InstrumentsUnsubscribeRequest = v.InferOutput<
  typeof InstrumentsUnsubscribeRequestSchema
>

/**
 * Builds an `instrument` unsubscription.
 *
 * @example
 * ```ts
 * import { InstrumentsUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = InstrumentsUnsubscribeRequest()
 * ```
 */
export function InstrumentsUnsubscribeRequest(): InstrumentsUnsubscribeRequest {
  return buildSubscription(
    InstrumentsUnsubscribeRequestSchema,
    'unsubscribe',
    'instrument',
    undefined,
    {},
  )
}
