import type { BandsResult, StreamingIndicator } from '../types.js'
import { positiveInteger, positiveNumber } from './options.js'
import { CountWindowIndicator } from './sma.js'

/** Options of {@link bollinger}. */
export interface BollingerOptions {
  /** Samples in the window. @default 20 */
  readonly period?: number | undefined
  /** Band width in population standard deviations. @default 2 */
  readonly multiplier?: number | undefined
}

/**
 * Bollinger bands: the SMA of the last `period` samples ± `multiplier`
 * population standard deviations. O(1) per update. Hand-written:
 * `trading-signals`' BollingerBands re-sums its window twice per update.
 *
 * @example
 * ```ts
 * import { bollinger } from '@kraken-sockets/indicators'
 * const bands = bollinger({ period: 20, multiplier: 2 })
 * ```
 * @throws {IndicatorOptionsError} on a bad period or multiplier.
 */
export function bollinger(
  options: BollingerOptions = {},
): StreamingIndicator<number, BandsResult> {
  const period = positiveInteger('period', options.period ?? 20)
  const multiplier = positiveNumber('multiplier', options.multiplier ?? 2)
  return new CountWindowIndicator(period, (ring) => {
    const middle = ring.mean
    const width = multiplier * Math.sqrt(ring.variance)
    return { upper: middle + width, middle, lower: middle - width }
  })
}
