import { type BookSide, roundDecimal, SideView } from './bookSide.js'
import { CHECKSUM_LEVELS } from './internal/checksumFold.js'
import { checksumDigits, fractionDigits } from './internal/decimalDigits.js'
import {
  createLevelEntry,
  isNonNegative,
  isPositive,
  type LevelEntry,
} from './internal/levelEntry.js'
import type { SortedLevels } from './internal/sortedLevels.js'
import { VerifiedBook } from './internal/verifiedBook.js'
import type { BookApplyResult, BookValueInput, PriceLevel } from './types.js'

/** Depths Kraken's `book` channel offers. */
export const BOOK_DEPTHS: readonly number[] = Object.freeze([
  10, 25, 100, 500, 1000,
])

/** Options of {@link createBook}. */
export interface BookOptions {
  /** The pair, as Kraken spells it (`"BTC/USD"`). */
  readonly symbol: string
  /**
   * The depth you subscribed with: the book keeps this many levels per side.
   * One of {@link BOOK_DEPTHS}.
   * @default 10
   */
  readonly depth?: number | undefined
  /**
   * Decimals of the pair's prices (`price_precision` from the `instrument`
   * channel). Restores checksum digits when levels come without their text,
   * and pads text that lost trailing zeros. Text with more decimals is never
   * trimmed.
   * @default undefined: digits come from the text only (see {@link Book.checksum})
   */
  readonly pricePrecision?: number | undefined
  /**
   * Decimals of the pair's quantities (`qty_precision`), as `pricePrecision`.
   * @default undefined
   */
  readonly qtyPrecision?: number | undefined
}

/** A checksum-verified L2 order book for one symbol. Pure state, no I/O. */
export interface Book {
  readonly symbol: string
  readonly depth: number
  readonly pricePrecision: number | undefined
  readonly qtyPrecision: number | undefined
  /**
   * `true` after a snapshot whose checksum verified and while every update
   * since verified; `false` before the first snapshot and after any failure.
   */
  readonly inSync: boolean
  /** Bids, highest price first. */
  readonly bids: BookSide
  /** Asks, lowest price first. */
  readonly asks: BookSide
  readonly bestBid: PriceLevel | undefined
  readonly bestAsk: PriceLevel | undefined
  /** Best ask minus best bid, in the prices' decimals; `undefined` if a side is empty. */
  readonly spread: number | undefined
  /** Midpoint of the best bid and ask; `undefined` if a side is empty. */
  readonly mid: number | undefined
  /**
   * Applies a decoded `book` value: a snapshot replaces the book, an update
   * applies its levels in order (qty 0 removes), then each side is cut to the
   * depth and the checksum is verified. Never throws. While out of sync,
   * updates are ignored (`reason: 'out-of-sync'`) until a snapshot arrives.
   */
  apply(value: BookValueInput): BookApplyResult
  /**
   * Kraken's CRC32 over the top 10 asks (lowest first) then the top 10 bids
   * (highest first), each level as its price then quantity digits. Digits
   * come from the wire text; without text, from the number formatted with
   * the precision; with neither, from the number's shortest text, which
   * loses trailing zeros (`0.10000000` reads as `0.1`): a best effort that
   * fails verification for such values.
   */
  checksum(): number
  /** The string {@link Book.checksum} hashes, for diagnosing a mismatch. */
  checksumText(): string
  /** Empties the book and marks it out of sync until the next snapshot. */
  reset(): void
}

class L2Book extends VerifiedBook<LevelEntry> implements Book {
  readonly bids: BookSide
  readonly asks: BookSide

  constructor(options: BookOptions) {
    super(options, BOOK_DEPTHS)
    const toLevel = (entry: LevelEntry): PriceLevel => entry.view(this)
    this.bids = Object.freeze(new SideView(this.side(true), toLevel))
    this.asks = Object.freeze(new SideView(this.side(false), toLevel))
    Object.freeze(this)
  }

  protected get channel(): 'book' {
    return 'book'
  }

  get bestBid(): PriceLevel | undefined {
    return this.bids.best
  }

  get bestAsk(): PriceLevel | undefined {
    return this.asks.best
  }

  get spread(): number | undefined {
    const bid = this.bestBid
    const ask = this.bestAsk
    if (bid === undefined || ask === undefined) return undefined
    return roundDecimal(ask.price - bid.price, this.#priceDecimals(bid, ask))
  }

  get mid(): number | undefined {
    const bid = this.bestBid
    const ask = this.bestAsk
    if (bid === undefined || ask === undefined) return undefined
    const decimals = this.#priceDecimals(bid, ask) + 1
    return roundDecimal((ask.price + bid.price) / 2, decimals)
  }

  #priceDecimals(bid: PriceLevel, ask: PriceLevel): number {
    return Math.max(
      fractionDigits(bid.price_text),
      fractionDigits(ask.price_text),
    )
  }

  protected applySide(
    side: SortedLevels<LevelEntry>,
    isBid: boolean,
    levels: readonly unknown[],
  ): string | undefined {
    const name = isBid ? 'bids' : 'asks'
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]
      if (typeof level !== 'object' || level === null)
        return `${name}[${i}] is not a level`
      const { price, qty, price_text, qty_text } = level as {
        readonly [K in keyof BookValueInput['bids'][number]]?: unknown
      }
      if (!isPositive(price))
        return `${name}[${i}].price is not a finite number > 0`
      if (!isNonNegative(qty))
        return `${name}[${i}].qty is not a finite number ≥ 0`
      if (qty === 0) {
        side.remove(price)
        continue
      }
      const entry = createLevelEntry(price, qty, price_text, qty_text, this)
      if (entry === undefined)
        return `${name}[${i}] has price_text or qty_text that is not a plain decimal`
      side.set(entry)
    }
    return undefined
  }

  checksumText(): string {
    let text = ''
    for (const isBid of [false, true])
      for (const entry of this.side(isBid).entries.slice(0, CHECKSUM_LEVELS))
        text +=
          checksumDigits(entry.priceText, this.pricePrecision ?? 0) +
          checksumDigits(entry.qtyText, this.qtyPrecision ?? 0)
    return text
  }
}

/**
 * Creates an L2 order book for one symbol that applies decoded `book`
 * values and verifies Kraken's checksum after each one. Throws
 * {@link BookOptionsError} for unusable options.
 *
 * @example
 * ```ts
 * import { createBook } from '@kraken-sockets/book'
 *
 * const book = createBook({ symbol: 'BTC/USD', depth: 10 })
 * const result = book.apply(value) // a decoded BookSnapshotResponse value
 * if (!result.ok) resubscribe()   // out of sync until the next snapshot
 * console.log(book.bestBid?.price, book.spread, book.asks.slice(0, 5))
 * ```
 */
export function createBook(options: BookOptions): Book {
  return new L2Book(options)
}
