import * as v from 'valibot'
import { buildSubscription } from '../internal/buildSubscription.js'
import {
  FlagSchema,
  type SymbolsInput,
  SymbolsSchema,
} from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/** The candle intervals Kraken accepts, in minutes. */
export const OHLC_INTERVALS = [
  1, 5, 15, 30, 60, 240, 1440, 10080, 21600,
] as const

/**
 * The interval sent when none is given, in minutes. Kraken documents no
 * default and the parameter is always sent, so the builders pick one.
 */
export const OHLC_DEFAULT_INTERVAL = 1

const IntervalSchema = oneOf(OHLC_INTERVALS)

/**
 * A `subscribe` request for the `ohlc` channel (candles).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ohlc
 */
export const OHLCSubscriptionRequestSchema = v.strictObject({
  method: v.literal('subscribe'),
  params: v.strictObject({
    channel: v.literal('ohlc'),
    symbol: SymbolsSchema,
    interval: IntervalSchema,
    /** Kraken's default is `true`. */
    snapshot: v.exactOptional(FlagSchema),
  }),
})

/** A `subscribe` request for the `ohlc` channel. */
export type OHLCSubscriptionRequest = v.InferOutput<
  typeof OHLCSubscriptionRequestSchema
>

/** Options of {@link OHLCSubscriptionRequest}: Kraken's own parameters. */
export type OHLCSubscriptionOptions = {
  /**
   * Candle interval in minutes.
   * @default 1
   */
  interval?: OHLCSubscriptionRequest['params']['interval']
  /** Whether to receive a snapshot first (Kraken's default: `true`). */
  snapshot?: boolean
}

/**
 * Builds an `ohlc` subscription. `interval` is always sent (1 minute unless
 * given, see {@link OHLC_DEFAULT_INTERVAL}); `snapshot` only when given.
 *
 * @throws {RequestValidationError} when a symbol is invalid or `interval` is
 * not one of {@link OHLC_INTERVALS}.
 *
 * @example
 * ```ts
 * import { OHLCSubscriptionRequest } from '@kraken-sockets/schema'
 *
 * const request = OHLCSubscriptionRequest(['BTC/USD'], { interval: 5 })
 * ```
 */
export function OHLCSubscriptionRequest(
  symbols: SymbolsInput,
  options: OHLCSubscriptionOptions = {},
): OHLCSubscriptionRequest {
  const { interval = OHLC_DEFAULT_INTERVAL, ...rest } = options ?? {}
  return buildSubscription(
    OHLCSubscriptionRequestSchema,
    'subscribe',
    'ohlc',
    symbols,
    { interval, ...rest },
  )
}

/**
 * An `unsubscribe` request for the `ohlc` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ohlc
 */
export const OHLCUnsubscribeRequestSchema = v.strictObject({
  method: v.literal('unsubscribe'),
  params: v.strictObject({
    channel: v.literal('ohlc'),
    symbol: SymbolsSchema,
    interval: IntervalSchema,
  }),
})

/** An `unsubscribe` request for the `ohlc` channel. */
export type OHLCUnsubscribeRequest = v.InferOutput<
  typeof OHLCUnsubscribeRequestSchema
>

/** Options of {@link OHLCUnsubscribeRequest}. */
export type OHLCUnsubscribeOptions = {
  /**
   * Candle interval in minutes, as subscribed.
   * @default 1
   */
  interval?: OHLCUnsubscribeRequest['params']['interval']
}

/**
 * Builds an `ohlc` unsubscription (1-minute candles unless `interval` is
 * given).
 *
 * @throws {RequestValidationError} when a symbol or `interval` is invalid.
 *
 * @example
 * ```ts
 * import { OHLCUnsubscribeRequest } from '@kraken-sockets/schema'
 *
 * const request = OHLCUnsubscribeRequest(['BTC/USD'], { interval: 5 })
 * ```
 */
export function OHLCUnsubscribeRequest(
  symbols: SymbolsInput,
  options: OHLCUnsubscribeOptions = {},
): OHLCUnsubscribeRequest {
  const { interval = OHLC_DEFAULT_INTERVAL, ...rest } = options ?? {}
  return buildSubscription(
    OHLCUnsubscribeRequestSchema,
    'unsubscribe',
    'ohlc',
    symbols,
    { interval, ...rest },
  )
}
