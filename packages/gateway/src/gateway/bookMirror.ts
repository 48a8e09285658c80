import {
  type Book,
  type BookValueInput,
  createBook,
} from '@kraken-sockets/book'
import { decodeMessage } from '@kraken-sockets/schema'

/** What applying one book body to the mirror gave. */
export type MirrorResult =
  /** The value verified against Kraken's checksum. */
  | 'verified'
  /** A checksum failed (or the body did not decode): the series must restart. */
  | 'broken'
  /** An update arrived while no verified snapshot is held: not publishable. */
  | 'unsynced'

/**
 * The gateway's own copy of one L2 book, built from the exact bodies it
 * publishes, so that it publishes only what verifies and can write the
 * latest verified book as a Kraken snapshot frame for late joiners.
 */
export class BookMirror {
  readonly symbol: string
  readonly depth: number
  #book: Book | undefined
  #timestamp: string | undefined

  constructor(symbol: string, depth: number) {
    this.symbol = symbol
    this.depth = depth
  }

  /** Whether a verified snapshot is held. */
  get synced(): boolean {
    return this.#book !== undefined
  }

  /** Applies one single-symbol `book` body (a snapshot replaces the book). */
  apply(body: string): MirrorResult {
    const decoded = decodeMessage(body)
    if (!decoded.ok || decoded.errors.length > 0) return this.#break()
    for (const { value } of decoded.responses) {
      const book = value as unknown as BookValueInput
      if (book.type === 'snapshot')
        this.#book = createBook({ symbol: this.symbol, depth: this.depth })
      else if (this.#book === undefined) return 'unsynced'
      const result = this.#book.apply(book)
      if (!result.ok) return this.#break()
      this.#timestamp = book.timestamp ?? this.#timestamp
    }
    return 'verified'
  }

  /** Forgets the book: the next body must be a snapshot. */
  reset(): void {
    this.#book = undefined
  }

  /**
   * The verified book as a Kraken `snapshot` frame, levels written with the
   * exact digits Kraken sent, with its checksum; undefined when unsynced.
   */
  snapshotFrame(): string | undefined {
    const book = this.#book
    if (book === undefined) return undefined
    const side = (levels: Iterable<{ price_text: string; qty_text: string }>) =>
      Array.from(
        levels,
        (l) => `{"price":${l.price_text},"qty":${l.qty_text}}`,
      ).join(',')
    const timestamp =
      this.#timestamp === undefined
        ? ''
        : `,"timestamp":${JSON.stringify(this.#timestamp)}`
    return `{"channel":"book","type":"snapshot","data":[{"symbol":${JSON.stringify(this.symbol)},"bids":[${side(book.bids)}],"asks":[${side(book.asks)}],"checksum":${book.checksum()}${timestamp}}]}`
  }

  #break(): MirrorResult {
    this.#book = undefined
    return 'broken'
  }
}
