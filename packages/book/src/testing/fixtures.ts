import checksumVectorsText from '../../../../fixtures/kraken-v2/checksum-vectors.json?raw'
import liveVectorsText from '../../../../fixtures/kraken-v2/live-checksum-vectors.json?raw'
import type {
  BookLevelInput,
  BookValueInput,
  L3OrderInput,
  L3ValueInput,
} from '../types.js'

/*
 * Builds decoded-shaped values (as @kraken-sockets/schema yields them) from
 * the fixture files, keeping each number's exact text: money literals are
 * quoted by a regex over the raw JSON before parsing.
 */

const MONEY_LITERAL =
  /("(?:price|qty|limit_price|order_qty)"\s*:\s*)(-?\d[\d.eE+-]*)/g

/** JSON.parse that keeps money fields as their exact decimal text. */
export function parseLossless(text: string): unknown {
  return JSON.parse(text.replace(MONEY_LITERAL, '$1"$2"'))
}

export type Decoding = 'text' | 'float'

type Raw = Record<string, unknown>

function asRecord(value: unknown): Raw {
  if (typeof value !== 'object' || value === null)
    throw new Error('fixture: expected an object')
  return value as Raw
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('fixture: expected an array')
  return value
}

function level(raw: unknown, decoding: Decoding): BookLevelInput {
  const { price, qty } = asRecord(raw)
  const priceText = String(price)
  const qtyText = String(qty)
  return decoding === 'text'
    ? {
        price: Number(priceText),
        qty: Number(qtyText),
        price_text: priceText,
        qty_text: qtyText,
      }
    : { price: Number(priceText), qty: Number(qtyText) }
}

function order(raw: unknown, decoding: Decoding): L3OrderInput {
  const { order_id, limit_price, order_qty, timestamp, event } = asRecord(raw)
  const priceText = String(limit_price)
  const qtyText = String(order_qty)
  return {
    order_id: String(order_id),
    limit_price: Number(priceText),
    order_qty: Number(qtyText),
    ...(decoding === 'text'
      ? { limit_price_text: priceText, order_qty_text: qtyText }
      : {}),
    ...(typeof timestamp === 'string' ? { timestamp } : {}),
    ...(event === 'add' || event === 'modify' || event === 'delete'
      ? { event }
      : {}),
  }
}

/** A frame's first data item, or the object itself when it is a bare item. */
function dataItem(frameOrItem: unknown): Raw {
  const record = asRecord(frameOrItem)
  return record.data === undefined ? record : asRecord(asArray(record.data)[0])
}

function typeOf(
  frame: unknown,
  fallback: 'snapshot' | 'update',
): 'snapshot' | 'update' {
  const { type } = asRecord(frame)
  return type === 'snapshot' || type === 'update' ? type : fallback
}

/** The decoded book value of a frame (or of a bare data item). */
export function bookValue(
  frameOrItem: unknown,
  decoding: Decoding,
  fallbackType: 'snapshot' | 'update' = 'snapshot',
): BookValueInput {
  const item = dataItem(frameOrItem)
  return {
    channel: 'book',
    type: typeOf(frameOrItem, fallbackType),
    symbol: String(item.symbol),
    bids: asArray(item.bids).map((raw) => level(raw, decoding)),
    asks: asArray(item.asks).map((raw) => level(raw, decoding)),
    checksum: Number(item.checksum),
    ...(typeof item.timestamp === 'string'
      ? { timestamp: item.timestamp }
      : {}),
  }
}

/** The decoded level3 value of a frame. */
export function l3Value(frame: unknown, decoding: Decoding): L3ValueInput {
  const item = dataItem(frame)
  return {
    channel: 'level3',
    type: typeOf(frame, 'snapshot'),
    symbol: String(item.symbol),
    bids: asArray(item.bids).map((raw) => order(raw, decoding)),
    asks: asArray(item.asks).map((raw) => order(raw, decoding)),
    checksum: Number(item.checksum),
  }
}

interface Vector extends Raw {
  readonly id: string
  readonly price_precision: number
  readonly qty_precision: number
}

function vectors(text: string): Vector[] {
  return asArray(asRecord(parseLossless(text)).vectors).map(
    (v) => asRecord(v) as Vector,
  )
}

function byId(list: Vector[], id: string): Vector {
  const found = list.find((v) => v.id === id)
  if (found === undefined) throw new Error(`fixture: no vector ${id}`)
  return found
}

/** Vectors of `checksum-vectors.json` (Kraken docs). */
export const docsVectors = {
  btcSnapshot: byId(
    vectors(checksumVectorsText),
    'kraken-docs-book-v2-btcusd-snapshot',
  ),
  maticSequence: byId(
    vectors(checksumVectorsText),
    'kraken-docs-book-channel-maticusd-snapshot-then-update',
  ),
  level3: byId(
    vectors(checksumVectorsText),
    'kraken-docs-level3-btcusd-snapshot',
  ),
}

/** Vectors of `live-checksum-vectors.json` (live captures). */
export const liveVectors = {
  capture: byId(
    vectors(liveVectorsText),
    'python-kraken-sdk-btcusd-live-capture-sequence',
  ),
  depth25Text: byId(
    vectors(liveVectorsText),
    'third-party-btcusdt-depth25-snapshot',
  ),
  depth25Float: byId(
    vectors(liveVectorsText),
    'third-party-btcusd-depth25-float-decoded',
  ),
}

/** The live capture as decoded values: its snapshot, then 509 updates. */
export function liveCapture(decoding: Decoding): {
  snapshot: BookValueInput
  updates: BookValueInput[]
} {
  const fixture = asRecord(liveVectors.capture.fixture)
  return {
    snapshot: bookValue(fixture.init, decoding),
    updates: asArray(fixture.updates).map((frame) =>
      bookValue(frame, decoding),
    ),
  }
}
