/**
 * A growable ring of weighted samples `(at, x, w)` with running sums of
 * `w`, `w·(x−K)` and `w·(x−K)²`, where `K` is a reference value (a recent
 * mean). Subtracting `K` keeps the squares small, so the variance of prices
 * near 100 000 that move by cents is not lost to cancellation.
 *
 * Push, pop and replace are O(1); the ring doubles when full (amortised
 * O(1)). Running sums drift as values come and go, so the sums are
 * recomputed from the ring after as many changes as it holds samples: O(n)
 * once every n changes, amortised O(1).
 */
export class MomentsRing {
  #at: Float64Array
  #x: Float64Array
  #w: Float64Array
  #head = 0
  #size = 0
  #reference = 0
  #sumW = 0
  #sumWX = 0
  #sumWX2 = 0
  #changes = 0

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
    return this.#sumW
  }

  /** Weighted mean, or `NaN` when the weights sum to 0. */
  get mean(): number {
    return this.#reference + this.#sumWX / this.#sumW
  }

  /** Weighted population variance (never negative), or `NaN` when empty. */
  get variance(): number {
    const m = this.#sumWX / this.#sumW
    return Math.max(0, this.#sumWX2 / this.#sumW - m * m)
  }

  /** Appends a sample. */
  push(x: number, w = 1, at = 0): void {
    if (this.#size === this.#x.length) this.#grow()
    if (this.#size === 0) this.#reference = x
    const i = this.#index(this.#size)
    this.#at[i] = at
    this.#x[i] = x
    this.#w[i] = w
    this.#size++
    this.#addToSums(x, w, 1)
    this.#changed()
  }

  /** Removes the oldest sample. */
  shift(): void {
    if (this.#size === 0) return
    const i = this.#head
    this.#addToSums(this.#x[i] ?? 0, this.#w[i] ?? 0, -1)
    this.#head = (this.#head + 1) % this.#x.length
    this.#size--
    if (this.#size === 0) this.#clearSums()
    // One sample left: re-centre on it, so its variance is exactly 0.
    else if (this.#size === 1) this.#recompute()
    else this.#changed()
  }

  /** Replaces the newest sample (pushes when empty). */
  replaceNewest(x: number, w = 1, at?: number): void {
    if (this.#size === 0) {
      this.push(x, w, at ?? 0)
      return
    }
    const i = this.#index(this.#size - 1)
    this.#addToSums(this.#x[i] ?? 0, this.#w[i] ?? 0, -1)
    this.#x[i] = x
    this.#w[i] = w
    if (at !== undefined) this.#at[i] = at
    this.#addToSums(x, w, 1)
    this.#changed()
  }

  /** Empties the ring. */
  clear(): void {
    this.#head = 0
    this.#size = 0
    this.#clearSums()
  }

  #index(offset: number): number {
    return (this.#head + offset) % this.#x.length
  }

  #addToSums(x: number, w: number, sign: 1 | -1): void {
    const d = x - this.#reference
    this.#sumW += sign * w
    this.#sumWX += sign * w * d
    this.#sumWX2 += sign * w * d * d
  }

  #clearSums(): void {
    this.#sumW = 0
    this.#sumWX = 0
    this.#sumWX2 = 0
    this.#changes = 0
  }

  #changed(): void {
    this.#changes++
    if (this.#changes >= Math.max(this.#size, 16)) this.#recompute()
  }

  /** Re-centres on the current mean and sums afresh, clearing drift. */
  #recompute(): void {
    const centre =
      this.#size === 1
        ? (this.#x[this.#head] ?? this.#reference)
        : this.#sumW === 0
          ? this.#reference
          : this.mean
    this.#reference = Number.isFinite(centre) ? centre : this.#reference
    this.#sumW = 0
    this.#sumWX = 0
    this.#sumWX2 = 0
    for (let k = 0; k < this.#size; k++) {
      const i = this.#index(k)
      this.#addToSums(this.#x[i] ?? 0, this.#w[i] ?? 0, 1)
    }
    this.#changes = 0
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
