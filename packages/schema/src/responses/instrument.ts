import * as v from 'valibot'
import { IntegerSchema, type Precise } from './shared.js'

/**
 * A pair's states, as the `instrument` channel's `pairs[].status` names them
 * (decoding keeps any string, so that a new state does not break it).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const PAIR_STATUSES = Object.freeze([
  'online',
  'cancel_only',
  'limit_only',
  'post_only',
  'reduce_only',
  'maintenance',
  'delisted',
  'work_in_progress',
] as const)

/** One of {@link PAIR_STATUSES}. */
export type PairStatus = (typeof PAIR_STATUSES)[number]

/**
 * One asset of the `instrument` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const AssetSchema = v.looseObject({
  id: v.string(),
  status: v.string(),
  precision: IntegerSchema,
  precision_display: IntegerSchema,
  borrowable: v.exactOptional(v.boolean()),
  collateral_value: v.exactOptional(v.number()),
  margin_rate: v.exactOptional(v.number()),
  multiplier: v.exactOptional(v.number()),
})

/**
 * One trading pair. `price_precision` and `qty_precision` are what the book
 * checksum needs.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const PairSchema = v.looseObject({
  symbol: v.string(),
  base: v.string(),
  quote: v.string(),
  status: v.string(),
  qty_precision: IntegerSchema,
  qty_increment: v.number(),
  qty_min: v.number(),
  price_precision: IntegerSchema,
  price_increment: v.number(),
  cost_precision: v.exactOptional(IntegerSchema),
  cost_min: v.exactOptional(v.number()),
  marginable: v.exactOptional(v.boolean()),
  has_index: v.exactOptional(v.boolean()),
  margin_initial: v.exactOptional(v.number()),
  position_limit_long: v.exactOptional(v.number()),
  position_limit_short: v.exactOptional(v.number()),
  tick_size: v.exactOptional(v.number()),
})

const InstrumentEntries = {
  assets: v.array(AssetSchema),
  pairs: v.array(PairSchema),
}

/**
 * Every asset and pair, sent after subscribing.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const InstrumentsSnapshotResponseSchema = v.looseObject({
  channel: v.literal('instrument'),
  type: v.literal('snapshot'),
  ...InstrumentEntries,
})

/**
 * The assets and pairs that changed.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const InstrumentsUpdateResponseSchema = v.looseObject({
  channel: v.literal('instrument'),
  type: v.literal('update'),
  ...InstrumentEntries,
})

/** One asset. */
export type Asset = Precise<v.InferOutput<typeof AssetSchema>>
/** One trading pair. */
export type Pair = Precise<v.InferOutput<typeof PairSchema>>
