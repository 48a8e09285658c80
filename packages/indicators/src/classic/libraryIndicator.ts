import type { StreamingIndicator } from '../types.js'

/** The part of a `trading-signals` indicator this package drives. */
export interface LibraryIndicator<TInput, TRaw> {
  update(input: TInput, replace: boolean): TRaw | null
  getRequiredInputs(): number
  readonly isStable: boolean
}

/**
 * Adapts a `trading-signals` indicator to {@link StreamingIndicator}: its
 * `update(input, replace)` already takes back the latest sample on replace,
 * which the tests check against a fresh run. Results count only once the
 * library calls the indicator stable (an EMA returns numbers earlier).
 */
export class LibraryBackedIndicator<TInput, TRaw, TResult>
  implements StreamingIndicator<TInput, TResult>
{
  readonly requiredInputs: number
  readonly #inner: LibraryIndicator<TInput, TRaw>
  readonly #map: (raw: TRaw) => TResult
  #result: TResult | null = null
  #hasInput = false

  constructor(
    inner: LibraryIndicator<TInput, TRaw>,
    map: (raw: TRaw) => TResult,
  ) {
    this.#inner = inner
    this.#map = map
    this.requiredInputs = inner.getRequiredInputs()
  }

  get result(): TResult | null {
    return this.#result
  }

  add(input: TInput): TResult | null {
    this.#hasInput = true
    return this.#take(this.#inner.update(input, false))
  }

  replace(input: TInput): TResult | null {
    // The library's replace before any add would still count as a sample;
    // make the contract explicit rather than rely on that.
    if (!this.#hasInput) return this.add(input)
    return this.#take(this.#inner.update(input, true))
  }

  #take(raw: TRaw | null): TResult | null {
    this.#result = raw !== null && this.#inner.isStable ? this.#map(raw) : null
    return this.#result
  }
}
