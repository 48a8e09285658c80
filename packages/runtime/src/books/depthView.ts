import type { BookSide, L3BookSide, PriceLevel } from '@kraken-sockets/book'

/**
 * A live view of the first `limit` levels of a book side, best first. The
 * side it reads is looked up on every access, so the view follows its book
 * even when the runtime replaces that book (a larger depth, a resync).
 */
export class DepthView<TLevel extends PriceLevel> implements BookSide<TLevel> {
  readonly #side: () => BookSide<TLevel>
  readonly #limit: number

  constructor(side: () => BookSide<TLevel>, limit: number) {
    this.#side = side
    this.#limit = limit
  }

  get side(): 'bids' | 'asks' {
    return this.#side().side
  }

  get length(): number {
    return Math.min(this.#side().length, this.#limit)
  }

  get best(): TLevel | undefined {
    return this.at(0)
  }

  at(index: number): TLevel | undefined {
    const length = this.length
    const position = index < 0 ? length + index : index
    if (!Number.isInteger(position) || position < 0 || position >= length) {
      return undefined
    }
    return this.#side().at(position)
  }

  get(price: number): TLevel | undefined {
    const side = this.#side()
    const level = side.get(price)
    if (level === undefined) return undefined
    // Within the view only if no more than `limit` levels are at or better.
    const last = side.at(Math.min(side.length, this.#limit) - 1)
    if (last === undefined) return undefined
    const isBids = side.side === 'bids'
    return (isBids ? price >= last.price : price <= last.price)
      ? level
      : undefined
  }

  slice(start?: number, end?: number): TLevel[] {
    return this.#side().slice(0, this.length).slice(start, end)
  }

  qtyTo(price: number): number {
    const side = this.#side()
    const last = side.at(Math.min(side.length, this.#limit) - 1)
    if (last === undefined) return 0
    const isBids = side.side === 'bids'
    const bounded = isBids
      ? Math.max(price, last.price)
      : Math.min(price, last.price)
    return side.qtyTo(bounded)
  }

  *[Symbol.iterator](): Iterator<TLevel> {
    const side = this.#side()
    let index = 0
    for (const level of side) {
      if (index++ >= this.#limit) return
      yield level
    }
  }
}

/** {@link DepthView} of a level3 side, with its orders. */
export class L3DepthView
  extends DepthView<L3BookSide extends BookSide<infer T> ? T : never>
  implements L3BookSide
{
  readonly #l3Side: () => L3BookSide

  constructor(side: () => L3BookSide, limit: number) {
    super(side, limit)
    this.#l3Side = side
  }

  orders(price: number) {
    return this.get(price) === undefined ? [] : this.#l3Side().orders(price)
  }
}
