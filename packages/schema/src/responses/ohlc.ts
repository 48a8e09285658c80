import * as v from 'valibot'
import { IntegerSchema, type Precise, TimestampSchema } from './shared.js'

/**
 * One candle. The deprecated `timestamp` is the interval's end.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ohlc
 */
export const CandleSchema = v.looseObject({
  symbol: v.string(),
  open: v.number(),
  high: v.number(),
  low: v.number(),
  close: v.number(),
  vwap: v.number(),
  trades: IntegerSchema,
  volume: v.number(),
  interval_begin: TimestampSchema,
  interval: IntegerSchema,
  timestamp: v.exactOptional(TimestampSchema),
})

/**
 * Recent candles, sent after subscribing.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ohlc
 */
export const OHLCSnapshotResponseSchema = v.looseObject({
  channel: v.literal('ohlc'),
  type: v.literal('snapshot'),
  timestamp: v.exactOptional(TimestampSchema),
  candles: v.array(CandleSchema),
})

/**
 * Candle updates; an update re-sends the open candle with fresher values.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ohlc
 */
export const OHLCUpdateResponseSchema = v.looseObject({
  channel: v.literal('ohlc'),
  type: v.literal('update'),
  timestamp: v.exactOptional(TimestampSchema),
  candles: v.array(CandleSchema),
})

/** One candle. */
export type Candle = Precise<v.InferOutput<typeof CandleSchema>>
