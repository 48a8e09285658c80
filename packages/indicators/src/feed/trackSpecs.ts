import type { BookFeaturesOptions, BookLike } from '../book/bookFeatures.js'
import type { StreamingIndicator } from '../types.js'
import type {
  CandleField,
  CandleLike,
  TickerField,
  TickerLike,
  TradeLike,
} from './marketValues.js'

/** What every track has: the series name and the pair. */
export interface TrackBase {
  /** The series name results are published under (objects: `name.key`). */
  readonly name: string
  /** The pair, as Kraken spells it (`"BTC/USD"`). */
  readonly symbol: string
}

/**
 * An indicator fed from the ticker channel; `input` turns a ticker (and its
 * time, epoch ms: its `timestamp`, else the feed's clock) into a sample.
 */
export interface TickerTrack<TInput, TResult> extends TrackBase {
  readonly channel: 'ticker'
  readonly indicator: StreamingIndicator<TInput, TResult>
  readonly input: (ticker: TickerLike, at: number) => TInput
}

/** An indicator fed with every trade; `at` is the trade's timestamp (ms). */
export interface TradeTrack<TInput, TResult> extends TrackBase {
  readonly channel: 'trade'
  readonly indicator: StreamingIndicator<TInput, TResult>
  readonly input: (trade: TradeLike, at: number) => TInput
}

/**
 * An indicator fed with candles of one interval: the open candle replaces
 * its sample (keyed by `interval_begin`); `at` is `interval_begin` (ms).
 */
export interface OhlcTrack<TInput, TResult> extends TrackBase {
  readonly channel: 'ohlc'
  /** Candle interval (minutes), as subscribed. */
  readonly interval: number
  readonly indicator: StreamingIndicator<TInput, TResult>
  readonly input: (candle: CandleLike, at: number) => TInput
}

/** Any indicator track. */
export type IndicatorTrack<TInput, TResult> =
  | TickerTrack<TInput, TResult>
  | TradeTrack<TInput, TResult>
  | OhlcTrack<TInput, TResult>

/** A raw field published as a series (for conditions on fields). */
export type FieldTrack =
  | (TrackBase & { readonly channel: 'ticker'; readonly field: TickerField })
  | (TrackBase & { readonly channel: 'trade'; readonly field: 'price' | 'qty' })
  | (TrackBase & {
      readonly channel: 'ohlc'
      readonly interval: number
      readonly field: CandleField
    })

/**
 * A verified book whose features (see `bookFeatures`) are published as
 * `name.spread`, `name.mid`, `name.spreadBps`, `name.microprice`,
 * `name.imbalance`, `name.bidDepth` and `name.askDepth` after each book
 * value of its symbol.
 */
export interface BookTrack extends TrackBase {
  readonly book: BookLike
  readonly options?: BookFeaturesOptions | undefined
}

/** Where the feed publishes: an `AlertEngine` fits. */
export interface SeriesSink {
  update(series: string, value: number): unknown
  invalidate(series: string, reason: 'out_of_sync' | 'unavailable'): void
}
