import {
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
  BookSnapshotResponse,
  BookUpdateResponse,
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
  OHLCSnapshotResponse,
  OHLCUpdateResponse,
  OrderSnapshotResponse,
  OrderUpdateResponse,
  type ResponseType,
  type ResponseValue,
  TickerSnapshotResponse,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesUpdateResponse,
} from '@kraken-sockets/schema'

/**
 * A channel's snapshot type and update type as one key, for
 * `kraken.trigger()` and `kraken.stream()`: the handler (or loop) receives
 * the snapshot first and then every update, in the order they arrived, on
 * one queue. Tell them apart by `value.type` (`'snapshot'` / `'update'`).
 */
export interface ChannelKey<
  TSnapshot extends ResponseType = ResponseType,
  TUpdate extends ResponseType = ResponseType,
> {
  /** Marks a channel key (response types say `response`, families `family`). */
  readonly kind: 'channel'
  /** The export name, e.g. `TickerChannel`. */
  readonly name: string
  /** The channel's snapshot response type. */
  readonly snapshot: TSnapshot
  /** The channel's update response type. */
  readonly update: TUpdate
}

/** The values a {@link ChannelKey} yields: its snapshot's or its update's. */
export type ChannelValue<TKey> =
  TKey extends ChannelKey<infer TSnapshot, infer TUpdate>
    ? ResponseValue<TSnapshot> | ResponseValue<TUpdate>
    : never

function channelKey<
  TSnapshot extends ResponseType,
  TUpdate extends ResponseType,
>(
  name: string,
  snapshot: TSnapshot,
  update: TUpdate,
): ChannelKey<TSnapshot, TUpdate> {
  return Object.freeze({ kind: 'channel', name, snapshot, update })
}

/** Whether `key` is a {@link ChannelKey}. */
export function isChannelKey(key: unknown): key is ChannelKey {
  return (key as { kind?: unknown } | null)?.kind === 'channel'
}

/** `ticker`: each symbol's snapshot, then its updates. */
export const TickerChannel = channelKey(
  'TickerChannel',
  TickerSnapshotResponse,
  TickerUpdateResponse,
)
/** `book` (L2): each symbol's snapshot, then its updates. */
export const BookChannel = channelKey(
  'BookChannel',
  BookSnapshotResponse,
  BookUpdateResponse,
)
/** `trade`: the recent trades, then new ones. */
export const TradesChannel = channelKey(
  'TradesChannel',
  TradesSnapshotResponse,
  TradesUpdateResponse,
)
/** `ohlc`: the recent candles, then their updates. */
export const OHLCChannel = channelKey(
  'OHLCChannel',
  OHLCSnapshotResponse,
  OHLCUpdateResponse,
)
/** `instrument`: every asset and pair, then changes. */
export const InstrumentsChannel = channelKey(
  'InstrumentsChannel',
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
)
/** `level3`: each symbol's orders, then their events. */
export const Level3Channel = channelKey(
  'Level3Channel',
  OrderSnapshotResponse,
  OrderUpdateResponse,
)
/** `executions`: open orders (and recent trades), then execution reports. */
export const ExecutionsChannel = channelKey(
  'ExecutionsChannel',
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
)
/** `balances`: every balance, then ledger entries. */
export const BalancesChannel = channelKey(
  'BalancesChannel',
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
)
