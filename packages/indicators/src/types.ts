/**
 * A streaming indicator: one sample in, the current result out.
 *
 * `replace` swaps the latest sample for a new one (Kraken's ohlc channel
 * re-sends the open candle as it grows); a `replace` before any `add` counts
 * as the first `add`. Results are `null` until the indicator has seen enough
 * samples.
 */
export interface StreamingIndicator<TInput, TResult> {
  /** Adds a new sample and returns the result. */
  add(input: TInput): TResult | null
  /** Replaces the latest sample and returns the result. */
  replace(input: TInput): TResult | null
  /** The current result, or `null` before enough samples. */
  readonly result: TResult | null
  /** Samples needed before the first result. */
  readonly requiredInputs: number
}

/** The candle fields indicators read (a decoded Kraken ohlc candle fits). */
export interface CandleInput {
  readonly open: number
  readonly high: number
  readonly low: number
  readonly close: number
  readonly volume: number
}

/** A sample at a point in time, for time-window indicators. */
export interface TimedSample {
  readonly value: number
  /** Epoch milliseconds. */
  readonly at: number
}

/** A trade, for volume-weighted indicators over time. */
export interface TimedTrade {
  readonly price: number
  readonly qty: number
  /** Epoch milliseconds. */
  readonly at: number
}

/** Upper, middle and lower Bollinger bands. */
export interface BandsResult {
  readonly upper: number
  readonly middle: number
  readonly lower: number
}

/** MACD line, its signal line, and their difference. */
export interface MacdResult {
  readonly macd: number
  readonly signal: number
  readonly histogram: number
}

/** Mean, population standard deviation and z-score of the latest sample. */
export interface RollingStatsResult {
  readonly mean: number
  readonly std: number
  /** `(latest - mean) / std`; `null` when `std` is 0. */
  readonly zscore: number | null
  /** Samples inside the window. */
  readonly count: number
}
