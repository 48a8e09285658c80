import type { StreamingIndicator } from '../types.js'
import { MomentsRing } from './momentsRing.js'
import { positiveInteger } from './options.js'

/**
 * Simple moving average of the last `period` samples, O(1) per update (a
 * running sum over a ring, re-summed once every `period` changes to clear float drift).
 * Hand-written: `trading-signals`' SMA re-sums its window on every update.
 *
 * @example
 * ```ts
 * import { sma } from '@kraken-sockets/indicators'
 * const average = sma(20)
 * average.add(101.5)
 * ```
 * @throws {IndicatorOptionsError} when `period` is not a positive integer.
 */
export function sma(period: number): StreamingIndicator<number, number> {
  return new CountWindowIndicator(
    positiveInteger('period', period),
    (ring) => ring.mean,
  )
}

/**
 * A fixed-count window over a {@link MomentsRing}; `read` turns a full
 * window into the result.
 */
export class CountWindowIndicator<TResult>
  implements StreamingIndicator<number, TResult>
{
  readonly requiredInputs: number
  readonly #ring: MomentsRing
  readonly #read: (ring: MomentsRing) => TResult
  #result: TResult | null = null

  constructor(period: number, read: (ring: MomentsRing) => TResult) {
    this.requiredInputs = period
    this.#ring = new MomentsRing(period + 1)
    this.#read = read
  }

  get result(): TResult | null {
    return this.#result
  }

  add(input: number): TResult | null {
    this.#ring.push(input)
    if (this.#ring.size > this.requiredInputs) this.#ring.shift()
    return this.#update()
  }

  replace(input: number): TResult | null {
    this.#ring.replaceNewest(input)
    return this.#update()
  }

  #update(): TResult | null {
    this.#result =
      this.#ring.size === this.requiredInputs ? this.#read(this.#ring) : null
    return this.#result
  }
}
