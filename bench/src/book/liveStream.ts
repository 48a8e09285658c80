import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BookLevelInput, BookValueInput } from '@kraken-sockets/book'

/*
 * The live BTC/USD capture (snapshot + 509 updates, depth 10) from
 * fixtures/kraken-v2/live-checksum-vectors.json, as decoded values carrying
 * the exact text of every number (what @kraken-sockets/schema yields), and
 * as the frame texts Kraken sent (for the JSON.parse baseline).
 */

const FIXTURES = join(import.meta.dirname, '../../../fixtures/kraken-v2')
const MONEY = /("(?:price|qty|limit_price|order_qty)"\s*:\s*)(-?\d[\d.eE+-]*)/g
const QUOTED_MONEY = /("(?:price|qty)":)"([^"]+)"/g

/** JSON.parse keeping money literals as strings. */
export function parseLossless(text: string): unknown {
  return JSON.parse(text.replace(MONEY, '$1"$2"'))
}

interface RawLevel {
  price: string
  qty: string
}
interface RawItem {
  symbol: string
  bids: RawLevel[]
  asks: RawLevel[]
  checksum: number
  timestamp?: string
}
interface RawFrame {
  channel: 'book'
  type: 'snapshot' | 'update'
  data: RawItem[]
}

function levels(raw: RawLevel[]): BookLevelInput[] {
  return raw.map(({ price, qty }) => ({
    price: Number(price),
    qty: Number(qty),
    price_text: price,
    qty_text: qty,
  }))
}

/** The decoded value of a frame's single data item. */
export function decoded(frame: RawFrame): BookValueInput {
  const item = frame.data[0]
  if (item === undefined) throw new Error('frame without data')
  return {
    channel: 'book',
    type: frame.type,
    symbol: item.symbol,
    bids: levels(item.bids),
    asks: levels(item.asks),
    checksum: item.checksum,
    ...(item.timestamp === undefined ? {} : { timestamp: item.timestamp }),
  }
}

/** The frame as wire text: money as bare number literals, digits exact. */
export function frameText(frame: RawFrame): string {
  return JSON.stringify(frame).replace(QUOTED_MONEY, '$1$2')
}

export interface Stream {
  readonly symbol: string
  readonly depth: number
  readonly pricePrecision: number
  readonly qtyPrecision: number
  readonly snapshot: BookValueInput
  readonly updates: BookValueInput[]
  readonly updateTexts: string[]
}

/** The live capture (depth 10, precisions 1 / 8). */
export function liveStream(): Stream {
  const file = parseLossless(
    readFileSync(join(FIXTURES, 'live-checksum-vectors.json'), 'utf8'),
  ) as {
    vectors: {
      id: string
      fixture?: { init: RawFrame; updates: RawFrame[] }
    }[]
  }
  const fixture = file.vectors.find(
    (v) => v.id === 'python-kraken-sdk-btcusd-live-capture-sequence',
  )?.fixture
  if (fixture === undefined) throw new Error('live capture not found')
  return {
    symbol: 'BTC/USD',
    depth: 10,
    pricePrecision: 1,
    qtyPrecision: 8,
    snapshot: decoded(fixture.init),
    updates: fixture.updates.map(decoded),
    updateTexts: fixture.updates.map(frameText),
  }
}
