/** Anything kept in a side of a book, ordered by price. */
export interface Priced {
  readonly price: number
}

/**
 * Above this many items, one side of an update is applied in bulk (see
 * {@link SortedLevels.beginBulk}): a few inserts into the sorted array are
 * cheaper than rebuilding it, many are not.
 */
export const BULK_ITEMS = 64

/** A removal staged during a bulk change, in order with the entries set. */
class Removal {
  readonly price: number
  constructor(price: number) {
    this.price = price
  }
}

/**
 * A bulk change in progress: every `set` and `remove` in order (resolved by
 * one stable sort at the end), and, once something looked a price up, an
 * index of the current entries by price. Lookups are left out until needed
 * because a map keyed by fractional numbers costs several times the log.
 */
interface Staged<TEntry> {
  readonly log: (TEntry | Removal)[]
  index: Map<number, TEntry> | undefined
}

/**
 * One side of a book: entries in an array, best first, kept sorted by binary
 * search on insert. At Kraken's depths (≤ 1000) moving a few pointers on
 * insert costs less than any tree; a snapshot or a large update is staged
 * and sorted once instead (see {@link SortedLevels.beginBulk}), so no input
 * order makes applying it quadratic.
 */
export class SortedLevels<TEntry extends Priced> {
  readonly entries: TEntry[] = []
  /** Bids: highest price first. Asks: lowest first. */
  readonly descending: boolean
  /** While a bulk change is staged; `entries` is stale meanwhile. */
  #staged: Staged<TEntry> | undefined

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
    if (this.#staged !== undefined) return this.#index(this.#staged).get(price)
    const index = this.search(price)
    return index < 0 ? undefined : this.entries[index]
  }

  /** Inserts the entry, or replaces the one at the same price. */
  set(entry: TEntry): void {
    const staged = this.#staged
    if (staged !== undefined) {
      staged.log.push(entry)
      staged.index?.set(entry.price, entry)
      return
    }
    const index = this.search(entry.price)
    if (index >= 0) this.entries[index] = entry
    else this.entries.splice(-index - 1, 0, entry)
  }

  /** Removes the entry at `price`, if any. */
  remove(price: number): void {
    const staged = this.#staged
    if (staged !== undefined) {
      staged.log.push(new Removal(price))
      staged.index?.delete(price)
      return
    }
    const index = this.search(price)
    if (index >= 0) this.entries.splice(index, 1)
  }

  /**
   * Stages the following `set`/`remove` calls (constant time each, whatever
   * order prices come in) until {@link SortedLevels.endBulk}, which sorts
   * once and keeps the best `depth`: a change of n items costs
   * O((size + n) log(size + n)), never O(size × n). `entries` must not be
   * read in between; `get` still answers.
   */
  beginBulk(): void {
    if (this.#staged !== undefined) return
    this.#staged = { log: [...this.entries], index: undefined }
  }

  /**
   * Ends a bulk change: the staged entries, sorted best first, become the
   * side, cut to `depth`; each entry cut off goes to `onDrop` first.
   */
  endBulk(depth: number, onDrop?: (entry: TEntry) => void): void {
    const staged = this.#staged
    if (staged === undefined) return
    this.#staged = undefined
    const current =
      staged.index === undefined
        ? this.#resolve(staged.log)
        : this.#sorted(Array.from(staged.index.values()))
    const entries = this.entries
    entries.length = 0
    const kept = Math.min(depth, current.length)
    for (let i = 0; i < kept; i++) entries.push(current[i] as TEntry)
    if (onDrop !== undefined)
      for (let i = kept; i < current.length; i++) onDrop(current[i] as TEntry)
  }

  /** The index of a staged change, built from its log on first use. */
  #index(staged: Staged<TEntry>): Map<number, TEntry> {
    if (staged.index === undefined) {
      const index = new Map<number, TEntry>()
      for (const item of staged.log)
        if (item instanceof Removal) index.delete(item.price)
        else index.set(item.price, item)
      staged.index = index
    }
    return staged.index
  }

  /**
   * What a log leaves, best first: sorted stably by price, the last item at
   * each price wins, and a removal leaves nothing there.
   */
  #resolve(log: (TEntry | Removal)[]): TEntry[] {
    const sorted = this.#sorted(log)
    const current: TEntry[] = []
    for (let i = 0; i < sorted.length; i++) {
      const item = sorted[i] as TEntry | Removal
      const next = sorted[i + 1]
      if (next !== undefined && next.price === item.price) continue
      if (!(item instanceof Removal)) current.push(item)
    }
    return current
  }

  /** Sorts best first; equal prices keep their order (sort is stable). */
  #sorted<TItem extends Priced>(items: TItem[]): TItem[] {
    // Prices are finite, so the difference orders them.
    return items.sort(
      this.descending
        ? (a, b) => b.price - a.price
        : (a, b) => a.price - b.price,
    )
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
    this.#staged = undefined
    this.entries.length = 0
  }
}
