// Decodes a book frame written exactly as Kraken writes it straight from its
// text, without `JSON.parse`: one pass that checks the layout, reads each
// level's numbers and keeps their exact text. Book frames are most of what a
// market maker receives, and this reads them faster than `JSON.parse` alone.
//
// The layout (keys in this order, no whitespace, no escapes):
//   {"channel":"book","type":"update","data":[{"symbol":"BTC/USD",
//    "bids":[{"price":P,"qty":Q},...],"asks":[...],"checksum":N,
//    "timestamp":"..."}, ...]}
// with `timestamp` optional. Anything else (another key order, a duplicate
// or extra key, whitespace, an exponent that overflows) returns `undefined`
// and the frame takes the general path, so what this accepts is a subset of
// what the schemas accept, with the same output (a differential test checks
// both).

import type { BookLevel } from '../responses/book.js'
import * as T from '../responses/responseTypes.js'
import { TIMESTAMP_PATTERN } from '../responses/shared.js'
import { scanNumber, scannedValue } from './numberScan.js'
import { NO_ERRORS } from './results.js'
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  codes,
  DIGIT_0,
  DIGIT_9,
  hasAt,
  stringEnd,
} from './textScan.js'
import type { DecodedResponse, DecodeResult } from './types.js'

const FRAME_HEAD = codes('{"channel":"book","type":"')
const UPDATE_DATA = codes('update","data":[')
const SNAPSHOT_DATA = codes('snapshot","data":[')
const ITEM_HEAD = codes('{"symbol":"')
const BIDS_OPEN = codes('","bids":[')
const ASKS_OPEN = codes(',"asks":[')
const CHECKSUM_KEY = codes(',"checksum":')
const TIMESTAMP_KEY = codes(',"timestamp":"')
const LEVEL_HEAD = codes('{"price":')
const QTY_KEY = codes(',"qty":')
const MAX_CHECKSUM = 0xffff_ffff

/** Whether `text` may be a book frame: the caller tries this first. */
export function looksLikeBookFrame(text: string): boolean {
  return hasAt(text, 0, FRAME_HEAD)
}

/**
 * Decodes a book frame in Kraken's exact layout, or returns `undefined` for
 * the general path.
 */
export function decodeBookText(text: string): DecodeResult | undefined {
  let at = FRAME_HEAD.length
  let update: boolean
  if (hasAt(text, at, UPDATE_DATA)) {
    update = true
    at += UPDATE_DATA.length
  } else if (hasAt(text, at, SNAPSHOT_DATA)) {
    update = false
    at += SNAPSHOT_DATA.length
  } else return undefined
  const type = update ? 'update' : 'snapshot'
  const responseType = update ? T.BookUpdateResponse : T.BookSnapshotResponse
  const responses: DecodedResponse[] = []
  for (;;) {
    if (!hasAt(text, at, ITEM_HEAD)) return undefined
    const symbolStart = at + ITEM_HEAD.length
    const symbolEnd = stringEnd(text, symbolStart)
    if (symbolEnd === -1 || !hasAt(text, symbolEnd, BIDS_OPEN)) return undefined
    const bids: BookLevel[] = []
    at = readLevels(text, symbolEnd + BIDS_OPEN.length, bids)
    if (at === -1 || !hasAt(text, at, ASKS_OPEN)) return undefined
    const asks: BookLevel[] = []
    at = readLevels(text, at + ASKS_OPEN.length, asks)
    if (at === -1 || !hasAt(text, at, CHECKSUM_KEY)) return undefined
    at = readChecksum(text, at + CHECKSUM_KEY.length)
    if (at === -1) return undefined
    const checksum = scannedChecksum
    const symbol = text.slice(symbolStart, symbolEnd)
    let value: unknown
    if (hasAt(text, at, TIMESTAMP_KEY)) {
      const stampStart = at + TIMESTAMP_KEY.length
      const stampEnd = stringEnd(text, stampStart)
      if (stampEnd === -1) return undefined
      const timestamp = text.slice(stampStart, stampEnd)
      if (!TIMESTAMP_PATTERN.test(timestamp)) return undefined
      at = stampEnd + 1
      // Key order as the slow path builds it: envelope first.
      value = { channel: 'book', type, symbol, bids, asks, checksum, timestamp }
    } else value = { channel: 'book', type, symbol, bids, asks, checksum }
    if (text.charCodeAt(at) !== CLOSE_BRACE) return undefined
    responses.push({
      type: responseType,
      name: responseType.name,
      value,
    } as DecodedResponse)
    const next = text.charCodeAt(++at)
    if (next === COMMA) at++
    else if (next === CLOSE_BRACKET) break
    else return undefined
  }
  // `]}` and nothing after (JSON.parse would allow trailing whitespace; the
  // general path takes such a frame).
  if (text.charCodeAt(at + 1) !== CLOSE_BRACE || at + 2 !== text.length)
    return undefined
  return { ok: true, responses, errors: NO_ERRORS }
}

/**
 * Reads a list of levels whose `[` ends just before `start` into `levels`;
 * returns the index after its `]`, or -1.
 */
function readLevels(text: string, start: number, levels: BookLevel[]): number {
  let at = start
  if (text.charCodeAt(at) === CLOSE_BRACKET) return at + 1
  for (;;) {
    if (!hasAt(text, at, LEVEL_HEAD)) return -1
    const priceStart = at + LEVEL_HEAD.length
    const priceEnd = scanNumber(text, priceStart)
    if (priceEnd === -1 || !hasAt(text, priceEnd, QTY_KEY)) return -1
    const price = scannedValue
    const qtyStart = priceEnd + QTY_KEY.length
    const qtyEnd = scanNumber(text, qtyStart)
    if (qtyEnd === -1 || text.charCodeAt(qtyEnd) !== CLOSE_BRACE) return -1
    levels.push({
      price,
      qty: scannedValue,
      price_text: text.slice(priceStart, priceEnd),
      qty_text: text.slice(qtyStart, qtyEnd),
    })
    at = qtyEnd + 1
    const c = text.charCodeAt(at)
    if (c === CLOSE_BRACKET) return at + 1
    if (c !== COMMA) return -1
    at++
  }
}

let scannedChecksum = 0

/**
 * Reads a checksum written as plain digits (no sign, fraction, exponent or
 * leading zero) up to 2^32 - 1 into `scannedChecksum`; returns where it ends,
 * or -1 for anything else (the schema may still accept `1.0e3`; the general
 * path decides).
 */
function readChecksum(text: string, start: number): number {
  let at = start
  let c = text.charCodeAt(at)
  if (!(c >= DIGIT_0 && c <= DIGIT_9)) return -1
  let sum = c - DIGIT_0
  c = text.charCodeAt(++at)
  if (sum !== 0)
    while (c >= DIGIT_0 && c <= DIGIT_9) {
      sum = sum * 10 + (c - DIGIT_0)
      if (sum > MAX_CHECKSUM) return -1
      c = text.charCodeAt(++at)
    }
  scannedChecksum = sum
  return at
}
