import * as v from 'valibot'
import { IntegerSchema, TimestampSchema } from './shared.js'

/**
 * The fields of one `ticker` item (level 1: best bid and ask, 24h stats).
 * `timestamp` is missing from older frames and `trades` from most.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const TickerEntries = {
  symbol: v.string(),
  bid: v.number(),
  bid_qty: v.number(),
  ask: v.number(),
  ask_qty: v.number(),
  last: v.number(),
  volume: v.number(),
  vwap: v.number(),
  low: v.number(),
  high: v.number(),
  change: v.number(),
  change_pct: v.number(),
  trades: v.exactOptional(IntegerSchema),
  timestamp: v.exactOptional(TimestampSchema),
}

/**
 * The first `ticker` message for a symbol, flattened: one response per symbol.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const TickerSnapshotResponseSchema = v.looseObject({
  channel: v.literal('ticker'),
  type: v.literal('snapshot'),
  ...TickerEntries,
})

/**
 * A `ticker` update for one symbol, flattened.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const TickerUpdateResponseSchema = v.looseObject({
  channel: v.literal('ticker'),
  type: v.literal('update'),
  ...TickerEntries,
})
