// One pass over a book frame's text that collects the exact number literals
// of every level, so that the fast path never re-reads the frame.
//
// Why it is exact: with no backslash in the frame, every `"price"` in the
// text is the string token price (a quote can neither open nor close anything
// else). Each one must be a level written `{"price":P,"qty":Q}`, the whole
// object, else the frame goes to the slow path. That object can only be the
// level itself, so once the caller checks that the count of found levels
// equals the count of parsed levels, each parsed level is exactly one found
// object. The key in front of the `[` that opens each run of levels says
// which side the run is, so duplicate keys cannot make the caller assign
// texts to the wrong side.

import {
  CLOSE_BRACE,
  COLON,
  codes,
  FIRST_ASK,
  FIRST_BID,
  hasAt,
  NEXT_IN_LIST,
  numberEnd,
  OPEN_BRACE,
  placeOf,
  QUOTE,
} from './textScan.js'

const PRICE_NEEDLE = 'price"'
const QTY_KEY = codes(',"qty":')

/**
 * What one scan found, in document order. The buffers are reused by the next
 * scan (decoding is synchronous), so read them before scanning again.
 */
export type LevelTexts = {
  /**
   * Price text then qty text of each level (or level3 order): level `i` at
   * `2i` and `2i+1`.
   */
  readonly texts: string[]
  /** How many entries of `texts` this scan wrote. */
  count: number
  /**
   * Where each run of levels (one bids or asks array) starts: the index in
   * `texts` of its first price, plus 1 for asks.
   */
  readonly runs: number[]
  /** How many entries of `runs` this scan wrote. */
  runCount: number
}

const scratch: LevelTexts = { texts: [], count: 0, runs: [], runCount: 0 }

/**
 * Collects the price and qty texts of every book level of a frame that
 * `JSON.parse` accepted, in one pass. Returns `undefined` when the frame is
 * written in any other way (escapes, whitespace, other key order, a `"qty"`
 * outside a level), which sends it to the slow path.
 */
export function scanBookLevelTexts(text: string): LevelTexts | undefined {
  if (text.indexOf('\\') !== -1) return undefined
  const { texts, runs } = scratch
  let count = 0
  let runCount = 0
  let at = text.indexOf(PRICE_NEEDLE)
  while (at !== -1) {
    // "limit_price" and the like end the same way: not a level's key.
    if (text.charCodeAt(at - 1) !== QUOTE) {
      at = text.indexOf(PRICE_NEEDLE, at + PRICE_NEEDLE.length)
      continue
    }
    const open = at - 2
    const priceStart = at + PRICE_NEEDLE.length + 1
    if (
      text.charCodeAt(open) !== OPEN_BRACE ||
      text.charCodeAt(priceStart - 1) !== COLON
    )
      return undefined
    const priceEnd = numberEnd(text, priceStart)
    if (priceEnd === priceStart || !hasAt(text, priceEnd, QTY_KEY))
      return undefined
    const qtyStart = priceEnd + QTY_KEY.length
    const qtyEnd = numberEnd(text, qtyStart)
    if (qtyEnd === qtyStart || text.charCodeAt(qtyEnd) !== CLOSE_BRACE)
      return undefined
    const place = placeOf(text, open)
    if (place === FIRST_BID || place === FIRST_ASK)
      runs[runCount++] = count + place
    else if (place !== NEXT_IN_LIST || runCount === 0) return undefined
    texts[count++] = text.slice(priceStart, priceEnd)
    texts[count++] = text.slice(qtyStart, qtyEnd)
    at = text.indexOf(PRICE_NEEDLE, qtyEnd)
  }
  scratch.count = count
  scratch.runCount = runCount
  return scratch
}
