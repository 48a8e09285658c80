import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import {
  FlagSchema,
  type SymbolsInput,
  SymbolsSchema,
} from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/** The level3 depths Kraken accepts (price levels per side). */
export const LEVEL3_DEPTHS = [10, 100, 1000] as const

const DepthSchema = oneOf(LEVEL3_DEPTHS)

/**
 * A `subscribe` request for the `level3` channel (individual orders). It goes
 * to the level3 endpoint and carries the WS token, added when it is sent.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const OrdersSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('level3'),
    symbol: SymbolsSchema,
    /** Kraken's default is `10`. */
    depth: v.exactOptional(DepthSchema),
    /** Kraken's default is `true`. */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `level3` channel. */
export type OrdersSubscriptionRequest = v.InferOutput<
  typeof OrdersSubscriptionRequestSchema
>

/** Options of {@link OrdersSubscriptionRequest}: Kraken's own parameters. */
export type OrdersSubscriptionOptions = Omit<
  OrdersSubscriptionRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `level3` subscription. Only the options given are sent; Kraken's
 * defaults apply to the others (`depth: 10`, `snapshot: true`).
 *
 * @throws {RequestValidationError} when a symbol is invalid or `depth` is not
 * one of {@link LEVEL3_DEPTHS}.
 *
 * @example
 * ```ts
 * import { OrdersSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = OrdersSubscriptionRequest(['BTC/USD'], { depth: 100 })
 * ```
 */
export function OrdersSubscriptionRequest(
  symbols: SymbolsInput,
  options: OrdersSubscriptionOptions = {},
): OrdersSubscriptionRequest {
  return buildSubscription(
    OrdersSubscriptionRequestSchema,
    'subscribe',
    'level3',
    symbols,
    options,
  )
}

/**
 * An `unsubscribe` request for the `level3` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const OrdersUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({
    channel: v.literal('level3'),
    symbol: SymbolsSchema,
    depth: v.exactOptional(DepthSchema),
  }),
})

/** An `unsubscribe` request for the `level3` channel. */
export type OrdersUnsubscribeRequest = v.InferOutput<
  typeof OrdersUnsubscribeRequestSchema
>

/** Options of {@link OrdersUnsubscribeRequest}. */
export type OrdersUnsubscribeOptions = Omit<
  OrdersUnsubscribeRequest['params'],
  'channel' | 'symbol'
>

/**
 * Builds a `level3` unsubscription (pass the `depth` used to subscribe, if
 * any).
 *
 * @throws {RequestValidationError} when a symbol or `depth` is invalid.
 *
 * @example
 * ```ts
 * import { OrdersUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = OrdersUnsubscribeRequest(['BTC/USD'])
 * ```
 */
export function OrdersUnsubscribeRequest(
  symbols: SymbolsInput,
  options: OrdersUnsubscribeOptions = {},
): OrdersUnsubscribeRequest {
  return buildSubscription(
    OrdersUnsubscribeRequestSchema,
    'unsubscribe',
    'level3',
    symbols,
    options,
  )
}

/** Alias of {@link OrdersSubscriptionRequest}, named after the channel. */
export const Level3SubscriptionRequest = OrdersSubscriptionRequest
/** Alias of {@link OrdersSubscriptionRequest}, named after the channel. */
export type Level3SubscriptionRequest = OrdersSubscriptionRequest

/** Alias of {@link OrdersUnsubscribeRequest}, named after the channel. */
export const Level3UnsubscribeRequest = OrdersUnsubscribeRequest
/** Alias of {@link OrdersUnsubscribeRequest}, named after the channel. */
export type Level3UnsubscribeRequest = OrdersUnsubscribeRequest
