import type {
  RollingStatsResult,
  StreamingIndicator,
  TimedSample,
} from '../types.js'
import { MomentsRing } from './momentsRing.js'
import { positiveNumber } from './options.js'

/** Relative spread under which `std` reads as 0 (see {@link rollingStats}). */
const STD_RESOLUTION = 1e-10

/** Options of {@link rollingStats}. */
export interface RollingStatsOptions {
  /** Width of the time window (ms): samples older than `latest.at - window` leave. */
  readonly window: number
}

/**
 * Rolling mean, population standard deviation and z-score over a TIME
 * window (the last `window` ms of sample time, not a sample count).
 * Amortised O(1) per update: each sample enters and leaves once.
 *
 * Time is the samples' own `at`, so replaying data gives the same results;
 * a sample older than the latest is taken as at the latest time (the window
 * only moves forward). `replace` swaps the latest sample (same window rule).
 *
 * @example
 * ```ts
 * import { rollingStats } from '@kraken-sockets/indicators'
 * const stats = rollingStats({ window: 60_000 })
 * stats.add({ value: 27_000.5, at: Date.parse(trade.timestamp) })
 * ```
 * @throws {IndicatorOptionsError} when `window` is not above 0.
 */
export function rollingStats(
  options: RollingStatsOptions,
): StreamingIndicator<TimedSample, RollingStatsResult> {
  return new TimeWindowIndicator(
    positiveNumber('window', options.window),
    (sample) => [sample.value, 1],
    (ring) => {
      const mean = ring.mean
      const raw = Math.sqrt(ring.variance)
      // A spread below 1e-10 of the mean is float rounding, not data: a
      // z-score over it would be noise, so it counts as no spread.
      const std = raw > Math.abs(mean) * STD_RESOLUTION ? raw : 0
      const latest = ring.newest ?? mean
      return {
        mean,
        std,
        zscore: std > 0 ? (latest - mean) / std : null,
        count: ring.size,
      }
    },
  )
}

/**
 * A time window over a {@link MomentsRing}: `weigh` maps an input to a
 * value and a weight, `read` turns the window into the result (or `null`).
 */
export class TimeWindowIndicator<
  TInput extends { readonly at: number },
  TResult,
> implements StreamingIndicator<TInput, TResult>
{
  readonly requiredInputs = 1
  readonly #window: number
  readonly #ring = new MomentsRing()
  readonly #weigh: (input: TInput) => readonly [number, number]
  readonly #read: (ring: MomentsRing) => TResult | null
  #result: TResult | null = null

  constructor(
    window: number,
    weigh: (input: TInput) => readonly [number, number],
    read: (ring: MomentsRing) => TResult | null,
  ) {
    this.#window = window
    this.#weigh = weigh
    this.#read = read
  }

  get result(): TResult | null {
    return this.#result
  }

  add(input: TInput): TResult | null {
    const at = Math.max(input.at, this.#ring.newestAt ?? input.at)
    const [x, w] = this.#weigh(input)
    this.#ring.push(x, w, at)
    return this.#settle(at)
  }

  replace(input: TInput): TResult | null {
    const newest = this.#ring.newestAt
    const at = newest === undefined ? input.at : Math.max(input.at, newest)
    const [x, w] = this.#weigh(input)
    this.#ring.replaceNewest(x, w, at)
    return this.#settle(at)
  }

  #settle(now: number): TResult | null {
    const from = now - this.#window
    for (
      let oldest = this.#ring.oldestAt;
      oldest !== undefined && oldest <= from;
      oldest = this.#ring.oldestAt
    )
      this.#ring.shift()
    this.#result = this.#ring.totalWeight > 0 ? this.#read(this.#ring) : null
    return this.#result
  }
}
