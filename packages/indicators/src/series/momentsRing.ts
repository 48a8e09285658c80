/**
 * A growable ring of weighted samples `(at, x, w)` with running sums of
 * `w`, `w·(x−K)` and `w·(x−K)²`, where `K` is a reference value (a recent
 * mean). Subtracting `K` keeps the squares small, so the variance of prices
 * near 100 000 that move by cents is not lost to cancellation.
 *
 * The newest sample's terms are kept apart from the sums of the others, so
 * replacing it (Kraken's open candle again) swaps its terms exactly instead
 * of subtracting them back out of the sums.
 *
 * Push, shift and replace are O(1); the ring doubles when full (amortised
 * O(1)). Sums drift as samples leave, so they are recomputed from the ring
 * after as many changes as it holds samples: O(n) once every n changes,
 * amortised O(1). A shift also re-sums when the weight removed since the
 * last re-sum exceeds 10^6 times the weight left; each such re-sum needs
 * the window's weight to fall a million-fold, so they come rarely.
 */
/** Removed weight, relative to what remains, that forces a re-sum. */
const LOST_WEIGHT_LIMIT = 1e6

export class MomentsRing {
  #at: Float64Array
  #x: Float64Array
  #w: Float64Array
  #head = 0
  #size = 0
  #reference = 0
  /** Sums over every sample but the newest. */
  #sumW = 0
  #sumWX = 0
  #sumWX2 = 0
  /** The newest sample's terms. */
  #newW = 0
  #newWX = 0
  #newWX2 = 0
  #changes = 0
  /** Weight removed since the last re-sum. */
  #lostWeight = 0

  constructor(initialCapacity = 16) {
    const capacity = Math.max(2, initialCapacity)
    this.#at = new Float64Array(capacity)
    this.#x = new Float64Array(capacity)
    this.#w = new Float64Array(capacity)
  }

  /** Samples held. */
  get size(): number {
    return this.#size
  }

  /** Time of the oldest sample (epoch ms), or `undefined` when empty. */
  get oldestAt(): number | undefined {
    return this.#size === 0 ? undefined : this.#at[this.#head]
  }

  /** Time of the newest sample (epoch ms), or `undefined` when empty. */
  get newestAt(): number | undefined {
    return this.#size === 0 ? undefined : this.#at[this.#index(this.#size - 1)]
  }

  /** Value of the newest sample, or `undefined` when empty. */
  get newest(): number | undefined {
    return this.#size === 0 ? undefined : this.#x[this.#index(this.#size - 1)]
  }

  /** Sum of the weights. */
  get totalWeight(): number {
    return this.#sumW + this.#newW
  }

  /** Weighted mean, or `NaN` when the weights sum to 0. */
  get mean(): number {
    return this.#reference + (this.#sumWX + this.#newWX) / this.totalWeight
  }

  /** Weighted population variance (never negative), or `NaN` when empty. */
  get variance(): number {
    const w = this.totalWeight
    const m = (this.#sumWX + this.#newWX) / w
    return Math.max(0, (this.#sumWX2 + this.#newWX2) / w - m * m)
  }

  /** Appends a sample. */
  push(x: number, w = 1, at = 0): void {
    if (this.#size === this.#x.length) this.#grow()
    if (this.#size === 0) this.#reference = x
    else {
      this.#sumW += this.#newW
      this.#sumWX += this.#newWX
      this.#sumWX2 += this.#newWX2
    }
    const i = this.#index(this.#size)
    this.#at[i] = at
    this.#x[i] = x
    this.#w[i] = w
    this.#size++
    this.#setNewest(x, w)
    this.#changed()
  }

  /** Removes the oldest sample. */
  shift(): void {
    if (this.#size <= 1) {
      this.clear()
      return
    }
    const i = this.#head
    const w = this.#w[i] ?? 0
    const d = (this.#x[i] ?? 0) - this.#reference
    this.#sumW -= w
    this.#sumWX -= w * d
    this.#sumWX2 -= w * d * d
    this.#head = (this.#head + 1) % this.#x.length
    this.#size--
    this.#lostWeight += Math.abs(w)
    // One sample left: re-centre on it, so its variance is exactly 0. And
    // when far more weight has left than remains (a large trade leaving a
    // window of small ones), the sums' rounding is large next to what
    // remains: re-sum now.
    if (
      this.#size === 1 ||
      this.#lostWeight > LOST_WEIGHT_LIMIT * this.totalWeight
    )
      this.#recompute()
    else this.#changed()
  }

  /** Replaces the newest sample (pushes when empty). */
  replaceNewest(x: number, w = 1, at?: number): void {
    if (this.#size === 0) {
      this.push(x, w, at ?? 0)
      return
    }
    const i = this.#index(this.#size - 1)
    this.#x[i] = x
    this.#w[i] = w
    if (at !== undefined) this.#at[i] = at
    // A lone sample is its own reference, as if it had been pushed.
    if (this.#size === 1) this.#reference = x
    this.#setNewest(x, w)
  }

  /** Empties the ring. */
  clear(): void {
    this.#head = 0
    this.#size = 0
    this.#sumW = 0
    this.#sumWX = 0
    this.#sumWX2 = 0
    this.#newW = 0
    this.#newWX = 0
    this.#newWX2 = 0
    this.#changes = 0
    this.#lostWeight = 0
  }

  #index(offset: number): number {
    return (this.#head + offset) % this.#x.length
  }

  #setNewest(x: number, w: number): void {
    const d = x - this.#reference
    this.#newW = w
    this.#newWX = w * d
    this.#newWX2 = w * d * d
  }

  #changed(): void {
    this.#changes++
    if (this.#changes >= Math.max(this.#size, 16)) this.#recompute()
  }

  /** Re-centres on the current mean (or the lone sample) and sums afresh. */
  #recompute(): void {
    const newest = this.#index(this.#size - 1)
    const centre =
      this.#size === 1
        ? (this.#x[newest] ?? this.#reference)
        : this.totalWeight === 0
          ? this.#reference
          : this.mean
    if (Number.isFinite(centre)) this.#reference = centre
    this.#sumW = 0
    this.#sumWX = 0
    this.#sumWX2 = 0
    for (let k = 0; k < this.#size - 1; k++) {
      const i = this.#index(k)
      const w = this.#w[i] ?? 0
      const d = (this.#x[i] ?? 0) - this.#reference
      this.#sumW += w
      this.#sumWX += w * d
      this.#sumWX2 += w * d * d
    }
    this.#setNewest(this.#x[newest] ?? 0, this.#w[newest] ?? 0)
    this.#changes = 0
    this.#lostWeight = 0
  }

  #grow(): void {
    const capacity = this.#x.length * 2
    const at = new Float64Array(capacity)
    const x = new Float64Array(capacity)
    const w = new Float64Array(capacity)
    for (let k = 0; k < this.#size; k++) {
      const i = this.#index(k)
      at[k] = this.#at[i] ?? 0
      x[k] = this.#x[i] ?? 0
      w[k] = this.#w[i] ?? 0
    }
    this.#at = at
    this.#x = x
    this.#w = w
    this.#head = 0
  }
}
