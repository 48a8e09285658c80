import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import {
  FlagSchema,
  type SymbolsInput,
  SymbolsSchema,
} from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/** The book depths Kraken accepts (levels per side). */
export const BOOK_DEPTHS = [10, 25, 100, 500, 1000] as const

const DepthSchema = oneOf(BOOK_DEPTHS)

/**
 * A `subscribe` request for the `book` channel (level 2).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const BookSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('book'),
    symbol: SymbolsSchema,
    /** Kraken's default is `10`. */
    depth: v.exactOptional(DepthSchema),
    /** Kraken's default is `true`. */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `book` channel. */
export type BookSubscriptionRequest = v.InferOutput<
  typeof BookSubscriptionRequestSchema
>

/** Options of {@link BookSubscriptionRequest}: Kraken's own parameters. */
export type BookSubscriptionOptions = Omit<
  BookSubscriptionRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `book` subscription. Only the options given are sent; Kraken's
 * defaults apply to the others (`depth: 10`, `snapshot: true`).
 *
 * @throws {RequestValidationError} when a symbol is invalid or `depth` is not
 * one of {@link BOOK_DEPTHS}.
 *
 * @example
 * ```ts
 * import { BookSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = BookSubscriptionRequest(['BTC/USD'], { depth: 25 })
 * ```
 */
export function BookSubscriptionRequest(
  symbols: SymbolsInput,
  options: BookSubscriptionOptions = {},
): BookSubscriptionRequest {
  return buildSubscription(
    BookSubscriptionRequestSchema,
    'subscribe',
    'book',
    symbols,
    options,
  )
}

/**
 * An `unsubscribe` request for the `book` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const BookUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({
    channel: v.literal('book'),
    symbol: SymbolsSchema,
    depth: v.exactOptional(DepthSchema),
  }),
})

/** An `unsubscribe` request for the `book` channel. */
export type BookUnsubscribeRequest = v.InferOutput<
  typeof BookUnsubscribeRequestSchema
>

/** Options of {@link BookUnsubscribeRequest}. */
export type BookUnsubscribeOptions = Omit<
  BookUnsubscribeRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `book` unsubscription (pass the `depth` used to subscribe, if any).
 *
 * @throws {RequestValidationError} when a symbol or `depth` is invalid.
 *
 * @example
 * ```ts
 * import { BookUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = BookUnsubscribeRequest(['BTC/USD'], { depth: 25 })
 * ```
 */
export function BookUnsubscribeRequest(
  symbols: SymbolsInput,
  options: BookUnsubscribeOptions = {},
): BookUnsubscribeRequest {
  return buildSubscription(
    BookUnsubscribeRequestSchema,
    'unsubscribe',
    'book',
    symbols,
    options,
  )
}
