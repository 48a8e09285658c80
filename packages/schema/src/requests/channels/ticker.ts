import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import {
  FlagSchema,
  type SymbolsInput,
  SymbolsSchema,
} from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/** When the ticker publishes: on best-bid-offer changes or on every trade. */
export const TICKER_EVENT_TRIGGERS = ['bbo', 'trades'] as const

const EventTriggerSchema = oneOf(TICKER_EVENT_TRIGGERS)

/**
 * A `subscribe` request for the `ticker` channel (level 1).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const TickerSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('ticker'),
    symbol: SymbolsSchema,
    /** Kraken's default is `trades`. */
    event_trigger: v.exactOptional(EventTriggerSchema),
    /** Kraken's default is `true`. */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `ticker` channel. */
export type TickerSubscriptionRequest = v.InferOutput<
  typeof TickerSubscriptionRequestSchema
>

/** Options of {@link TickerSubscriptionRequest}: Kraken's own parameters. */
export type TickerSubscriptionOptions = Omit<
  TickerSubscriptionRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `ticker` subscription. Only the options given are sent; Kraken's
 * defaults apply to the others (`event_trigger: 'trades'`, `snapshot: true`).
 *
 * @throws {RequestValidationError} when a symbol or an option is invalid.
 *
 * @example
 * ```ts
 * import { TickerSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = TickerSubscriptionRequest(['BTC/USD'], { event_trigger: 'bbo' })
 * ```
 */
export function TickerSubscriptionRequest(
  symbols: SymbolsInput,
  options: TickerSubscriptionOptions = {},
): TickerSubscriptionRequest {
  return buildSubscription(
    TickerSubscriptionRequestSchema,
    'subscribe',
    'ticker',
    symbols,
    options,
  )
}

/**
 * An `unsubscribe` request for the `ticker` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const TickerUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({
    channel: v.literal('ticker'),
    symbol: SymbolsSchema,
    event_trigger: v.exactOptional(EventTriggerSchema),
  }),
})

/** An `unsubscribe` request for the `ticker` channel. */
export type TickerUnsubscribeRequest = v.InferOutput<
  typeof TickerUnsubscribeRequestSchema
>

/** Options of {@link TickerUnsubscribeRequest}. */
export type TickerUnsubscribeOptions = Omit<
  TickerUnsubscribeRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `ticker` unsubscription (pass the `event_trigger` used to
 * subscribe, if any).
 *
 * @throws {RequestValidationError} when a symbol or an option is invalid.
 *
 * @example
 * ```ts
 * import { TickerUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = TickerUnsubscribeRequest(['BTC/USD'])
 * ```
 */
export function TickerUnsubscribeRequest(
  symbols: SymbolsInput,
  options: TickerUnsubscribeOptions = {},
): TickerUnsubscribeRequest {
  return buildSubscription(
    TickerUnsubscribeRequestSchema,
    'unsubscribe',
    'ticker',
    symbols,
    options,
  )
}
