import * as v from 'valibot'
import { ChecksumSchema, NumberTextSchema, TimestampSchema } from './shared.js'

/**
 * One resting order of a level3 book. `limit_price_text` and
 * `order_qty_text` are the exact decimal text Kraken sent. `event` is set on
 * updates only.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const L3OrderSchema = v.object({
  order_id: v.string(),
  limit_price: v.number(),
  order_qty: v.number(),
  limit_price_text: NumberTextSchema,
  order_qty_text: NumberTextSchema,
  timestamp: TimestampSchema,
  event: v.exactOptional(v.picklist(['add', 'modify', 'delete'])),
})

const Level3Entries = {
  symbol: v.string(),
  bids: v.array(L3OrderSchema),
  asks: v.array(L3OrderSchema),
  checksum: ChecksumSchema,
  timestamp: v.exactOptional(TimestampSchema),
}

/**
 * A level3 (individual orders) snapshot for one symbol.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const OrderSnapshotResponseSchema = v.looseObject({
  channel: v.literal('level3'),
  type: v.literal('snapshot'),
  ...Level3Entries,
})

/**
 * A level3 update for one symbol: orders added, modified or deleted.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const OrderUpdateResponseSchema = v.looseObject({
  channel: v.literal('level3'),
  type: v.literal('update'),
  ...Level3Entries,
})

/** One level3 order with the exact decimal text of its price and quantity. */
export type L3Order = v.InferOutput<typeof L3OrderSchema>
