import { fractionDigits } from './internal/decimalDigits.js'
import type { Priced, SortedLevels } from './internal/sortedLevels.js'
import type { PriceLevel } from './types.js'

/**
 * A read-only, live view of one side of a book, best first: bids from the
 * highest price, asks from the lowest. Reading never copies the side (only
 * `slice` copies, and only the range asked for), and the levels it returns are
 * frozen, so no reader can change the book.
 */
export interface BookSide<TLevel extends PriceLevel = PriceLevel>
  extends Iterable<TLevel> {
  /** `'bids'` or `'asks'`. */
  readonly side: 'bids' | 'asks'
  /** Number of price levels held (at most the book's depth). */
  readonly length: number
  /** The best level, or `undefined` when the side is empty. */
  readonly best: TLevel | undefined
  /** Level at `index` from the best (negative: from the worst). */
  at(index: number): TLevel | undefined
  /** The level at exactly `price`, if any. */
  get(price: number): TLevel | undefined
  /** Copy of the levels from `start` to `end` (best first), as Array#slice. */
  slice(start?: number, end?: number): TLevel[]
  /**
   * Total quantity of the levels at `price` or better (bids ≥ price, asks ≤
   * price), rounded to the decimals of the quantities summed.
   */
  qtyTo(price: number): number
}

/** Rounds a sum of decimals back to the decimals its terms had. */
export function roundDecimal(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 100)))
}

/**
 * Implements {@link BookSide} over a sorted side. Owners freeze instances.
 *
 * @internal
 */
export class SideView<TEntry extends Priced, TLevel extends PriceLevel>
  implements BookSide<TLevel>
{
  readonly side: 'bids' | 'asks'
  readonly #levels: SortedLevels<TEntry>
  readonly #toLevel: (entry: TEntry) => TLevel

  constructor(
    levels: SortedLevels<TEntry>,
    toLevel: (entry: TEntry) => TLevel,
  ) {
    this.side = levels.descending ? 'bids' : 'asks'
    this.#levels = levels
    this.#toLevel = toLevel
  }

  get length(): number {
    return this.#levels.entries.length
  }

  get best(): TLevel | undefined {
    return this.at(0)
  }

  at(index: number): TLevel | undefined {
    const entry = this.#levels.entries.at(index)
    return entry === undefined ? undefined : this.#toLevel(entry)
  }

  get(price: number): TLevel | undefined {
    const entry = this.#levels.get(price)
    return entry === undefined ? undefined : this.#toLevel(entry)
  }

  slice(start?: number, end?: number): TLevel[] {
    return this.#levels.entries.slice(start, end).map(this.#toLevel)
  }

  qtyTo(price: number): number {
    let total = 0
    let decimals = 0
    for (const entry of this.#levels.entries) {
      if (!this.#levels.reaches(entry.price, price)) break
      const level = this.#toLevel(entry)
      total += level.qty
      decimals = Math.max(decimals, fractionDigits(level.qty_text))
    }
    return roundDecimal(total, decimals)
  }

  *[Symbol.iterator](): Iterator<TLevel> {
    for (const entry of this.#levels.entries) yield this.#toLevel(entry)
  }
}
