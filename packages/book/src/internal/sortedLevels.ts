/** Anything kept in a side of a book, ordered by price. */
export interface Priced {
  readonly price: number
}

/**
 * One side of a book: entries in an array, best first, kept sorted by binary
 * search on insert. At Kraken's depths (≤ 1000) moving a few pointers on
 * insert costs less than any tree.
 */
export class SortedLevels<TEntry extends Priced> {
  readonly entries: TEntry[] = []
  /** Bids: highest price first. Asks: lowest first. */
  readonly descending: boolean

  constructor(descending: boolean) {
    this.descending = descending
  }

  /** Index of `price` if present, else `-(insertion index) - 1`. */
  search(price: number): number {
    const entries = this.entries
    let low = 0
    let high = entries.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const at = entries[mid]?.price ?? 0
      if (at === price) return mid
      if (this.descending ? at > price : at < price) low = mid + 1
      else high = mid - 1
    }
    return -low - 1
  }

  get(price: number): TEntry | undefined {
    const index = this.search(price)
    return index < 0 ? undefined : this.entries[index]
  }

  /** Inserts the entry, or replaces the one at the same price. */
  set(entry: TEntry): void {
    const index = this.search(entry.price)
    if (index >= 0) this.entries[index] = entry
    else this.entries.splice(-index - 1, 0, entry)
  }

  /** Removes the entry at `price`; returns it, or `undefined` if absent. */
  remove(price: number): TEntry | undefined {
    const index = this.search(price)
    if (index < 0) return undefined
    return this.entries.splice(index, 1)[0]
  }

  /** Drops entries beyond `depth`, handing each to `onDrop` first. */
  truncate(depth: number, onDrop?: (entry: TEntry) => void): void {
    const entries = this.entries
    if (entries.length <= depth) return
    if (onDrop !== undefined)
      for (let i = depth; i < entries.length; i++) {
        const entry = entries[i]
        if (entry !== undefined) onDrop(entry)
      }
    entries.length = depth
  }

  /** Whether `price` is at or better than `limit` on this side. */
  reaches(price: number, limit: number): boolean {
    return this.descending ? price >= limit : price <= limit
  }

  clear(): void {
    this.entries.length = 0
  }
}
