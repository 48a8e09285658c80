import * as v from 'valibot'
import { IntegerSchema, type Precise, TimestampSchema } from './shared.js'

/**
 * One trade; `side` and `ord_type` are the taker's.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/trade
 */
export const TradeSchema = v.looseObject({
  symbol: v.string(),
  side: v.picklist(['buy', 'sell']),
  price: v.number(),
  qty: v.number(),
  ord_type: v.string(),
  trade_id: IntegerSchema,
  timestamp: TimestampSchema,
})

/**
 * The most recent trades (up to 50), sent after subscribing with `snapshot`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/trade
 */
export const TradesSnapshotResponseSchema = v.looseObject({
  channel: v.literal('trade'),
  type: v.literal('snapshot'),
  trades: v.array(TradeSchema),
})

/**
 * New trades, possibly several per frame.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/trade
 */
export const TradesUpdateResponseSchema = v.looseObject({
  channel: v.literal('trade'),
  type: v.literal('update'),
  trades: v.array(TradeSchema),
})

/** One trade. */
export type Trade = Precise<v.InferOutput<typeof TradeSchema>>
