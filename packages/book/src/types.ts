/**
 * One price level as `@kraken-sockets/schema` decodes it from a `book` frame.
 * `price_text`/`qty_text` are the exact decimal text Kraken sent; leave them
 * out when you only have parsed numbers, and give the book `pricePrecision`
 * and `qtyPrecision` so it can restore the digits checksums need.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export interface BookLevelInput {
  readonly price: number
  /** `0` removes the level. */
  readonly qty: number
  readonly price_text?: string | undefined
  readonly qty_text?: string | undefined
}

/**
 * A decoded `book` snapshot or update for one symbol (the flat value
 * `@kraken-sockets/schema` yields per data item).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export interface BookValueInput {
  readonly channel?: string | undefined
  readonly type: 'snapshot' | 'update'
  readonly symbol?: string | undefined
  readonly bids: readonly BookLevelInput[]
  readonly asks: readonly BookLevelInput[]
  /** CRC32 Kraken computed over its top 10 levels per side. */
  readonly checksum: number
  readonly timestamp?: string | undefined
}

/**
 * One order as `@kraken-sockets/schema` decodes it from a `level3` frame.
 * Snapshot orders carry no `event`; update orders always do.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export interface L3OrderInput {
  readonly order_id: string
  readonly limit_price: number
  readonly order_qty: number
  readonly limit_price_text?: string | undefined
  readonly order_qty_text?: string | undefined
  readonly timestamp?: string | undefined
  readonly event?: 'add' | 'modify' | 'delete' | undefined
}

/**
 * A decoded `level3` snapshot or update for one symbol.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export interface L3ValueInput {
  readonly channel?: string | undefined
  readonly type: 'snapshot' | 'update'
  readonly symbol?: string | undefined
  readonly bids: readonly L3OrderInput[]
  readonly asks: readonly L3OrderInput[]
  readonly checksum: number
  readonly timestamp?: string | undefined
}

/**
 * A price level as a book reads it back: frozen, best first in its side.
 * `price_text`/`qty_text` are the full-precision decimal text the checksum
 * used (the wire text, exponent notation expanded and padded to the book's
 * precision when one is set).
 */
export interface PriceLevel {
  readonly price: number
  readonly qty: number
  readonly price_text: string
  readonly qty_text: string
}

/** `apply()` accepted the value and the book matches Kraken's checksum. */
export interface BookApplyOk {
  readonly ok: true
}

/** The book after `apply()` disagrees with the checksum Kraken sent. */
export interface BookChecksumMismatch {
  readonly ok: false
  readonly reason: 'checksum-mismatch'
  /** Checksum Kraken sent. */
  readonly expected: number
  /** Checksum of the book after applying the value. */
  readonly computed: number
  readonly message: string
}

/**
 * `apply()` did not use the value: an update arrived while the book waits
 * for a snapshot (`out-of-sync`), the value is malformed (`invalid-input`),
 * or it is for another symbol (`wrong-symbol`).
 */
export interface BookApplyRejected {
  readonly ok: false
  readonly reason: 'out-of-sync' | 'invalid-input' | 'wrong-symbol'
  /** Checksum the value carried, when it carried a valid one. */
  readonly expected: number | undefined
  readonly computed: undefined
  readonly message: string
}

/**
 * What `apply()` returns; it never throws. Any failure except `wrong-symbol`
 * leaves the book out of sync until the next snapshot.
 */
export type BookApplyResult =
  | BookApplyOk
  | BookChecksumMismatch
  | BookApplyRejected

/** Why `apply()` failed. */
export type BookFailureReason = Exclude<BookApplyResult, BookApplyOk>['reason']
