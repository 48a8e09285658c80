import { ATR, EMA, MACD, RSI } from 'trading-signals'
import { positiveInteger } from '../series/options.js'
import type { CandleInput, MacdResult, StreamingIndicator } from '../types.js'
import { LibraryBackedIndicator } from './libraryIndicator.js'

const same = (x: number): number => x

/**
 * Exponential moving average (`trading-signals` EMA: weight 2 / (period + 1),
 * seeded with the first sample; a result from the `period`-th sample on).
 * O(1) per update.
 *
 * @example
 * ```ts
 * import { ema } from '@kraken-sockets/indicators'
 * const fast = ema(12)
 * ```
 * @throws {IndicatorOptionsError} when `period` is not a positive integer.
 */
export function ema(period: number): StreamingIndicator<number, number> {
  return new LibraryBackedIndicator(
    new EMA(positiveInteger('period', period)),
    same,
  )
}

/**
 * Relative strength index with Wilder's smoothing (`trading-signals` RSI:
 * averages seeded with the SMA of the first `period` changes). O(period) per
 * update inside the library (its Wilder average keeps feeding an inner SMA
 * that re-sums `period` values); see the bench for the figure.
 *
 * @example
 * ```ts
 * import { rsi } from '@kraken-sockets/indicators'
 * const strength = rsi(14)
 * ```
 * @throws {IndicatorOptionsError} when `period` is not a positive integer.
 */
export function rsi(period: number): StreamingIndicator<number, number> {
  return new LibraryBackedIndicator(
    new RSI(positiveInteger('period', period)),
    same,
  )
}

/** Options of {@link macd}. */
export interface MacdOptions {
  /** Period of the fast EMA. @default 12 */
  readonly fast?: number | undefined
  /** Period of the slow EMA. @default 26 */
  readonly slow?: number | undefined
  /** Period of the signal EMA. @default 9 */
  readonly signal?: number | undefined
}

/**
 * MACD: fast EMA − slow EMA, its signal EMA and the histogram
 * (`trading-signals` MACD over its EMAs, each seeded with its first input).
 * The library keeps the last `slow` prices in an array it shifts, so an
 * update costs a short memmove on top of O(1) arithmetic.
 *
 * @example
 * ```ts
 * import { macd } from '@kraken-sockets/indicators'
 * const trend = macd({ fast: 12, slow: 26, signal: 9 })
 * ```
 * @throws {IndicatorOptionsError} on a period that is not a positive integer.
 */
export function macd(
  options: MacdOptions = {},
): StreamingIndicator<number, MacdResult> {
  const fast = positiveInteger('fast', options.fast ?? 12)
  const slow = positiveInteger('slow', options.slow ?? 26)
  const signal = positiveInteger('signal', options.signal ?? 9)
  return new LibraryBackedIndicator(
    new MACD(new EMA(fast), new EMA(slow), new EMA(signal)),
    (raw): MacdResult => ({
      macd: raw.macd,
      signal: raw.signal,
      histogram: raw.histogram,
    }),
  )
}

/**
 * Average true range with Wilder's smoothing over candles (`trading-signals`
 * ATR). O(period) per update inside the library, as {@link rsi}.
 *
 * @example
 * ```ts
 * import { atr } from '@kraken-sockets/indicators'
 * const range = atr(14)
 * range.add(candle) // { high, low, close, ... }
 * ```
 * @throws {IndicatorOptionsError} when `period` is not a positive integer.
 */
export function atr(period: number): StreamingIndicator<CandleInput, number> {
  return new LibraryBackedIndicator(
    new ATR(positiveInteger('period', period)),
    same,
  )
}
