import { type BookSide, SideView } from '../bookSide.js'
import type { Precisions } from '../internal/levelEntry.js'
import type { SortedLevels } from '../internal/sortedLevels.js'
import type { L3BookOrder, L3LevelEntry, L3PriceLevel } from './l3Entries.js'

/** One side of a level3 book: price levels best first, and their orders. */
export interface L3BookSide extends BookSide<L3PriceLevel> {
  /** The orders at `price` in queue order (a copy of that level only). */
  orders(price: number): L3BookOrder[]
}

/** @internal Implements {@link L3BookSide}; owners freeze instances. */
export class L3SideView
  extends SideView<L3LevelEntry, L3PriceLevel>
  implements L3BookSide
{
  readonly #levels: SortedLevels<L3LevelEntry>
  readonly #precisions: Precisions

  constructor(levels: SortedLevels<L3LevelEntry>, precisions: Precisions) {
    super(levels, (entry) => entry.view(precisions))
    this.#levels = levels
    this.#precisions = precisions
  }

  orders(price: number): L3BookOrder[] {
    const level = this.#levels.get(price)
    if (level === undefined) return []
    return level.orders.map((order) => order.view(this.#precisions))
  }
}
