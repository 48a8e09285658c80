import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import {
  FlagSchema,
  type SymbolsInput,
  SymbolsSchema,
} from '../internal/fields.js'

/**
 * A `subscribe` request for the `trade` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/trade
 */
export const TradesSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('trade'),
    symbol: SymbolsSchema,
    /** Kraken's default is `false` (a snapshot holds the last 50 trades). */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `trade` channel. */
export type TradesSubscriptionRequest = v.InferOutput<
  typeof TradesSubscriptionRequestSchema
>

/** Options of {@link TradesSubscriptionRequest}: Kraken's own parameters. */
export type TradesSubscriptionOptions = Omit<
  TradesSubscriptionRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `trade` subscription. `snapshot` is sent only when given
 * (Kraken's default for trades is `false`).
 *
 * @throws {RequestValidationError} when a symbol or an option is invalid.
 *
 * @example
 * ```ts
 * import { TradesSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = TradesSubscriptionRequest(['BTC/USD'], { snapshot: true })
 * ```
 */
export function TradesSubscriptionRequest(
  symbols: SymbolsInput,
  options: TradesSubscriptionOptions = {},
): TradesSubscriptionRequest {
  return buildSubscription(
    TradesSubscriptionRequestSchema,
    'subscribe',
    'trade',
    symbols,
    options,
  )
}

/**
 * An `unsubscribe` request for the `trade` channel. Kraken's own example
 * repeats `snapshot`, so it is accepted here too.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/trade
 */
export const TradesUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({
    channel: v.literal('trade'),
    symbol: SymbolsSchema,
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** An `unsubscribe` request for the `trade` channel. */
export type TradesUnsubscribeRequest = v.InferOutput<
  typeof TradesUnsubscribeRequestSchema
>

/** Options of {@link TradesUnsubscribeRequest}. */
export type TradesUnsubscribeOptions = Omit<
  TradesUnsubscribeRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `trade` unsubscription.
 *
 * @throws {RequestValidationError} when a symbol or an option is invalid.
 *
 * @example
 * ```ts
 * import { TradesUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = TradesUnsubscribeRequest(['BTC/USD'])
 * ```
 */
export function TradesUnsubscribeRequest(
  symbols: SymbolsInput,
  options: TradesUnsubscribeOptions = {},
): TradesUnsubscribeRequest {
  return buildSubscription(
    TradesUnsubscribeRequestSchema,
    'unsubscribe',
    'trade',
    symbols,
    options,
  )
}
