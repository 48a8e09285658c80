import { CHECKSUM_LEVELS } from '../internal/checksumFold.js'
import {
  checksumDigits,
  packedLength,
  packedRegister,
} from '../internal/decimalDigits.js'
import { feedValue, isNonNegative, isPositive } from '../internal/levelEntry.js'
import { VerifiedBook } from '../internal/verifiedBook.js'
import type { L3ValueInput } from '../types.js'
import type { L3Book, L3BookOptions } from './l3Book.js'
import { type L3BookSide, L3SideView } from './l3BookSide.js'
import {
  type L3BookOrder,
  L3LevelEntry,
  L3OrderEntry,
  type L3Slot,
} from './l3Entries.js'

/** Depths Kraken's `level3` channel offers (in price levels per side). */
export const L3_DEPTHS: readonly number[] = Object.freeze([10, 100, 1000])

class Level3Book extends VerifiedBook<L3LevelEntry> implements L3Book {
  readonly bids: L3BookSide
  readonly asks: L3BookSide
  /** Each order's slot in its level's queue, by `order_id`. */
  readonly #orders = new Map<string, L3Slot>()

  constructor(options: L3BookOptions) {
    super(options, L3_DEPTHS)
    this.bids = Object.freeze(new L3SideView(this.side(true), this))
    this.asks = Object.freeze(new L3SideView(this.side(false), this))
    Object.freeze(this)
  }

  protected get channel(): 'level3' {
    return 'level3'
  }

  get orderCount(): number {
    return this.#orders.size
  }

  order(
    orderId: string,
  ): (L3BookOrder & { readonly side: 'bids' | 'asks' }) | undefined {
    const entry = this.#orders.get(orderId)?.entry
    if (entry === undefined) return undefined
    return Object.freeze({
      ...entry.view(this),
      side: entry.isBid ? 'bids' : 'asks',
    })
  }

  protected applySide(
    _side: unknown,
    isBid: boolean,
    orders: readonly unknown[],
    isSnapshot: boolean,
  ): string | undefined {
    const name = isBid ? 'bids' : 'asks'
    for (let i = 0; i < orders.length; i++) {
      const problem = this.#applyOrder(isBid, orders[i], isSnapshot)
      if (problem !== undefined) return `${name}[${i}]${problem}`
    }
    return undefined
  }

  protected override dropLevel(level: L3LevelEntry): void {
    for (const order of level.orders) this.#orders.delete(order.orderId)
  }

  /** Applies one order event; returns a problem (after the item's path). */
  #applyOrder(
    isBid: boolean,
    input: unknown,
    isSnapshot: boolean,
  ): string | undefined {
    if (typeof input !== 'object' || input === null) return ' is not an order'
    const order = input as {
      readonly [K in keyof L3ValueInput['bids'][number]]?: unknown
    }
    const { order_id: orderId, event } = order
    if (typeof orderId !== 'string' || orderId.length === 0)
      return '.order_id is not a non-empty string'
    if (
      isSnapshot
        ? event !== undefined && event !== 'add'
        : event !== 'add' && event !== 'modify' && event !== 'delete'
    )
      return `.event is ${String(event)}`
    if (event === 'delete') {
      this.#removeOrder(orderId)
      return undefined
    }
    const { limit_price: price, order_qty: qty, timestamp } = order
    if (!isPositive(price)) return '.limit_price is not a finite number > 0'
    if (!isNonNegative(qty)) return '.order_qty is not a finite number ≥ 0'
    if (timestamp !== undefined && typeof timestamp !== 'string')
      return '.timestamp is not a string'
    if (qty === 0) {
      this.#removeOrder(orderId)
      return undefined
    }
    const fedPrice = feedValue(
      price,
      order.limit_price_text,
      this.pricePrecision,
      0,
    )
    if (fedPrice === undefined)
      return '.limit_price_text is not a plain decimal'
    const priceText = fedPrice.text
    const priceLength = packedLength(fedPrice.packed)
    const fedQty = feedValue(
      qty,
      order.order_qty_text,
      this.qtyPrecision,
      packedRegister(fedPrice.packed),
    )
    if (fedQty === undefined) return '.order_qty_text is not a plain decimal'
    const entry = new L3OrderEntry({
      orderId,
      price,
      qty,
      priceText,
      qtyText: fedQty.text,
      timestamp,
      isBid,
      raw: packedRegister(fedQty.packed),
      length: priceLength + packedLength(fedQty.packed),
    })
    const previous = this.#orders.get(orderId)
    // A fill keeps the order's place in its queue; anything else re-queues.
    if (
      event === 'modify' &&
      previous !== undefined &&
      previous.entry.isBid === isBid &&
      previous.entry.price === price
    ) {
      const level = this.side(isBid).get(price)
      if (level !== undefined) {
        level.replace(previous, entry)
        return undefined
      }
    }
    if (previous !== undefined) this.#removeOrder(orderId)
    const side = this.side(isBid)
    let level = side.get(price)
    if (level === undefined) {
      level = new L3LevelEntry(price)
      side.set(level)
    }
    this.#orders.set(orderId, level.add(entry))
    return undefined
  }

  #removeOrder(orderId: string): void {
    const slot = this.#orders.get(orderId)
    if (slot === undefined) return
    this.#orders.delete(orderId)
    const { isBid, price } = slot.entry
    const side = this.side(isBid)
    const level = side.get(price)
    if (level === undefined) return
    level.remove(slot)
    if (level.count === 0) side.remove(price)
  }

  protected override clear(): void {
    super.clear()
    this.#orders.clear()
  }

  checksumText(): string {
    let text = ''
    for (const isBid of [false, true])
      for (const level of this.side(isBid).entries.slice(0, CHECKSUM_LEVELS))
        for (const order of level.orders)
          text +=
            checksumDigits(order.priceText, this.pricePrecision ?? 0) +
            checksumDigits(order.qtyText, this.qtyPrecision ?? 0)
    return text
  }
}

/**
 * Creates a level3 book for one symbol: orders by `order_id` within price
 * levels, in queue order, verified against Kraken's level3 checksum after
 * every value. Throws {@link BookOptionsError} for unusable options.
 *
 * @example
 * ```ts
 * import { createL3Book } from '@kraken-sockets/book'
 *
 * const book = createL3Book({ symbol: 'BTC/USD', depth: 10 })
 * const result = book.apply(value) // a decoded OrderSnapshotResponse value
 * if (!result.ok) resubscribe()
 * const best = book.bids.best      // { price, qty, count, ... }
 * if (best) console.log(book.bids.orders(best.price))
 * ```
 */
export function createL3Book(options: L3BookOptions): L3Book {
  return new Level3Book(options)
}
