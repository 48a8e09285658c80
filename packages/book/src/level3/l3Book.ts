import type { BookApplyResult, L3ValueInput } from '../types.js'
import type { L3BookSide } from './l3BookSide.js'
import type { L3BookOrder } from './l3Entries.js'

/** Options of {@link createL3Book}; as {@link BookOptions}. */
export interface L3BookOptions {
  /** The pair, as Kraken spells it (`"BTC/USD"`). */
  readonly symbol: string
  /**
   * The depth you subscribed with, in price levels per side. One of
   * {@link L3_DEPTHS}.
   * @default 10
   */
  readonly depth?: number | undefined
  /**
   * Decimals of the pair's prices: restores checksum digits for orders sent
   * without their text, pads text that lost trailing zeros.
   * @default undefined
   */
  readonly pricePrecision?: number | undefined
  /**
   * Decimals of the pair's quantities, as `pricePrecision`.
   * @default undefined
   */
  readonly qtyPrecision?: number | undefined
}

/** A checksum-verified level3 (order-by-order) book for one symbol. */
export interface L3Book {
  readonly symbol: string
  readonly depth: number
  readonly pricePrecision: number | undefined
  readonly qtyPrecision: number | undefined
  /** As {@link Book.inSync}. */
  readonly inSync: boolean
  readonly bids: L3BookSide
  readonly asks: L3BookSide
  /** Number of orders held on both sides. */
  readonly orderCount: number
  /** A resting order by id, with its side. */
  order(
    orderId: string,
  ): (L3BookOrder & { readonly side: 'bids' | 'asks' }) | undefined
  /**
   * Applies a decoded `level3` value: a snapshot replaces the book; an
   * update applies its `add` (joins the back of its price's queue),
   * `modify` (new quantity, same place in the queue) and `delete` events in
   * order, then each side is cut to the depth in price levels and the
   * checksum is verified. Never throws. A `modify` of an unknown order adds
   * it; a `delete` of an unknown order does nothing; an order whose quantity
   * becomes 0 leaves the book.
   */
  apply(value: L3ValueInput): BookApplyResult
  /**
   * Kraken's level3 CRC32: the top 10 ask levels (lowest first) then the top
   * 10 bid levels (highest first), each level as every order's price then
   * quantity digits in queue order. Digits as in {@link Book.checksum}.
   */
  checksum(): number
  /** The string {@link L3Book.checksum} hashes. */
  checksumText(): string
  /** Empties the book and marks it out of sync until the next snapshot. */
  reset(): void
}
