/** Which side of a book. */
export type Side = 'bid' | 'ask'

/**
 * One side of an L2 book: prices (integer units) kept sorted best first,
 * with their quantities (integer units).
 */
export class BookSide {
  readonly side: Side
  /** Prices, best first. */
  readonly prices: number[] = []
  /** Quantity per price. */
  readonly qty = new Map<number, number>()

  constructor(side: Side) {
    this.side = side
  }

  /** Whether price `a` ranks before price `b` on this side. */
  isBetter(a: number, b: number): boolean {
    return this.side === 'bid' ? a > b : a < b
  }

  /** The rank `price` has (or would have, if inserted). */
  rankOf(price: number): number {
    let low = 0
    let high = this.prices.length
    while (low < high) {
      const mid = (low + high) >>> 1
      const at = this.prices[mid] ?? 0
      if (this.isBetter(at, price)) low = mid + 1
      else high = mid
    }
    return low
  }

  /** How many levels the side holds. */
  get size(): number {
    return this.prices.length
  }

  /** The best price, or `undefined` when the side is empty. */
  get best(): number | undefined {
    return this.prices[0]
  }

  /** Sets a level; a quantity of 0 removes it. */
  set(price: number, qty: number): void {
    const known = this.qty.has(price)
    if (qty === 0) {
      if (!known) return
      this.qty.delete(price)
      this.prices.splice(this.rankOf(price), 1)
      return
    }
    if (!known) this.prices.splice(this.rankOf(price), 0, price)
    this.qty.set(price, qty)
  }
}
