import * as v from 'valibot'
import { ChecksumSchema, NumberTextSchema, TimestampSchema } from './shared.js'

/**
 * One L2 price level. `price` and `qty` are numbers; `price_text` and
 * `qty_text` are the exact decimal text Kraken sent (e.g. `"0.10000000"`),
 * which the book checksum needs.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const BookLevelSchema = v.object({
  price: v.number(),
  qty: v.number(),
  price_text: NumberTextSchema,
  qty_text: NumberTextSchema,
})

const BookEntries = {
  symbol: v.string(),
  bids: v.array(BookLevelSchema),
  asks: v.array(BookLevelSchema),
  checksum: ChecksumSchema,
  timestamp: v.exactOptional(TimestampSchema),
}

/**
 * An L2 book snapshot for one symbol (levels best first).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const BookSnapshotResponseSchema = v.looseObject({
  channel: v.literal('book'),
  type: v.literal('snapshot'),
  ...BookEntries,
})

/**
 * An L2 book update for one symbol (`qty: 0` removes a level).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const BookUpdateResponseSchema = v.looseObject({
  channel: v.literal('book'),
  type: v.literal('update'),
  ...BookEntries,
})

/** One L2 price level with its exact decimal text. */
export type BookLevel = v.InferOutput<typeof BookLevelSchema>
