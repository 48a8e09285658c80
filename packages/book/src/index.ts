export type { BookSide } from './bookSide.js'
export { crc32, crc32Portable, hasNativeCrc32 } from './crc32.js'
export {
  BOOK_DEPTHS,
  type Book,
  type BookOptions,
  createBook,
} from './createBook.js'
export { BookError, BookOptionsError } from './errors.js'
export { createL3Book, L3_DEPTHS } from './level3/createL3Book.js'
export type { L3Book, L3BookOptions } from './level3/l3Book.js'
export type { L3BookSide } from './level3/l3BookSide.js'
export type { L3BookOrder, L3PriceLevel } from './level3/l3Entries.js'
export type {
  BookApplyOk,
  BookApplyRejected,
  BookApplyResult,
  BookChecksumMismatch,
  BookFailureReason,
  BookLevelInput,
  BookValueInput,
  L3OrderInput,
  L3ValueInput,
  PriceLevel,
} from './types.js'
