// One pass over a level3 frame's text that collects the exact `limit_price`
// and `order_qty` literals of every order, as `levelTexts.ts` does for book
// levels.
//
// Why it is exact: with no backslash in the frame, every `"order_id":"` in
// the text is the key order_id with a string value (a quote can neither open
// nor close anything else). Each one must sit in an order written
// `{"event":"E","order_id":"I","limit_price":P,"order_qty":Q,"timestamp":"T"}`
// (or without `event`), the whole object, else the frame goes to the slow
// path. Such an object has each key once and nothing nested, and every
// parsed order has an `order_id` string, so once the caller checks that the
// count of found orders equals the count of parsed orders, each parsed order
// is exactly one found object. Runs of orders are marked by side as for book
// levels.

import type { LevelTexts } from './levelTexts.js'
import {
  CLOSE_BRACE,
  COMMA,
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

const ORDER_ID_NEEDLE = '"order_id":"'
const EVENT_KEY = codes('{"event":')
const PRICE_KEY = codes('","limit_price":')
const QTY_KEY = codes(',"order_qty":')
const TIMESTAMP_KEY = codes(',"timestamp":"')

const scratch: LevelTexts = { texts: [], count: 0, runs: [], runCount: 0 }

/**
 * Collects the limit price and order qty texts of every level3 order of a
 * frame that `JSON.parse` accepted, in one pass. Returns `undefined` when
 * the frame is written in any other way (escapes, whitespace, other key
 * order, extra keys, an `"order_id"` outside an order), which sends it to
 * the slow path.
 */
export function scanOrderTexts(text: string): LevelTexts | undefined {
  if (text.indexOf('\\') !== -1) return undefined
  const { texts, runs } = scratch
  let count = 0
  let runCount = 0
  let at = text.indexOf(ORDER_ID_NEEDLE)
  while (at !== -1) {
    const open = orderOpen(text, at)
    if (open === -1) return undefined
    // The id holds no quote: its closing quote is the next one.
    const idEnd = text.indexOf('"', at + ORDER_ID_NEEDLE.length)
    if (!hasAt(text, idEnd, PRICE_KEY)) return undefined
    const priceStart = idEnd + PRICE_KEY.length
    const priceEnd = numberEnd(text, priceStart)
    if (priceEnd === priceStart || !hasAt(text, priceEnd, QTY_KEY))
      return undefined
    const qtyStart = priceEnd + QTY_KEY.length
    const qtyEnd = numberEnd(text, qtyStart)
    if (qtyEnd === qtyStart || !hasAt(text, qtyEnd, TIMESTAMP_KEY))
      return undefined
    const timeEnd = text.indexOf('"', qtyEnd + TIMESTAMP_KEY.length)
    if (text.charCodeAt(timeEnd + 1) !== CLOSE_BRACE) return undefined
    const place = placeOf(text, open)
    if (place === FIRST_BID || place === FIRST_ASK)
      runs[runCount++] = count + place
    else if (place !== NEXT_IN_LIST || runCount === 0) return undefined
    texts[count++] = text.slice(priceStart, priceEnd)
    texts[count++] = text.slice(qtyStart, qtyEnd)
    at = text.indexOf(ORDER_ID_NEEDLE, timeEnd)
  }
  scratch.count = count
  scratch.runCount = runCount
  return scratch
}

/**
 * Where the `{` of the order whose `"order_id"` key is at `at` is: just
 * before it, or before an `"event"` entry; `-1` for any other layout.
 */
function orderOpen(text: string, at: number): number {
  const before = text.charCodeAt(at - 1)
  if (before === OPEN_BRACE) return at - 1
  if (before !== COMMA || text.charCodeAt(at - 2) !== QUOTE) return -1
  // The event's value holds no quote: its opening quote is the previous one.
  const eventAt = text.lastIndexOf('"', at - 3)
  const open = eventAt - EVENT_KEY.length
  return hasAt(text, open, EVENT_KEY) ? open : -1
}
