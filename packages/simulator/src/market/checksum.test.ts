import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { numbersAsText, parseExact } from '../testing/parseExact.js'
import {
  bookChecksum,
  checksumInput,
  type LevelText,
  level3Checksum,
} from './checksum.js'
import { padDecimal } from './decimal.js'

const fixtures = join(import.meta.dirname, '../../../../fixtures/kraken-v2')

/** Number literals of the fixture, kept as text (floats would lose zeros). */
function readExact(file: string): unknown {
  return numbersAsText(parseExact(readFileSync(join(fixtures, file), 'utf8')))
}

type RawLevel = { price: string; qty: string }
type RawBook = { bids: RawLevel[]; asks: RawLevel[]; checksum: string }
type Vector = {
  id: string
  price_precision: string
  qty_precision: string
  depth?: string
  fixture?: { init: { data: RawBook[] }; updates: { data: RawBook[] }[] }
  message?: { data: RawBook[] } | RawBook
  expected_checksum?: string
  expected_asks_string?: string
  expected_bids_string?: string
}

const vectors = (
  readExact('live-checksum-vectors.json') as { vectors: Vector[] }
).vectors

/** A minimal reference book over exact text, used only to replay vectors. */
function replayBook(
  pricePrecision: number,
  qtyPrecision: number,
  depth: number,
) {
  const sides = {
    bids: new Map<string, string>(),
    asks: new Map<string, string>(),
  }
  const sorted = (side: 'bids' | 'asks'): LevelText[] =>
    [...sides[side]]
      .map(([price, qty]) => ({ price, qty }))
      .sort((a, b) =>
        side === 'bids'
          ? Number(b.price) - Number(a.price)
          : Number(a.price) - Number(b.price),
      )
  return {
    apply(book: RawBook, isSnapshot: boolean) {
      if (isSnapshot) {
        sides.bids.clear()
        sides.asks.clear()
      }
      for (const side of ['bids', 'asks'] as const) {
        for (const level of book[side]) {
          const price = padDecimal(level.price, pricePrecision)
          const qty = padDecimal(level.qty, qtyPrecision)
          if (Number(qty) === 0) sides[side].delete(price)
          else sides[side].set(price, qty)
        }
        const keep = sorted(side).slice(0, depth)
        sides[side] = new Map(keep.map((l) => [l.price, l.qty]))
      }
      return bookChecksum(sorted('asks'), sorted('bids'))
    },
  }
}

describe('live checksum vectors', () => {
  test('behavior: the live BTC/USD stream (snapshot + 509 updates) verifies', () => {
    const vector = vectors.find((v) => v.fixture !== undefined)
    if (vector?.fixture === undefined) throw new Error('fixture missing')
    const book = replayBook(
      Number(vector.price_precision),
      Number(vector.qty_precision),
      Number(vector.depth ?? 10),
    )
    const init = vector.fixture.init.data[0]
    if (init === undefined) throw new Error('snapshot missing')
    expect(book.apply(init, true)).toBe(Number(init.checksum))
    let verified = 0
    for (const update of vector.fixture.updates)
      for (const data of update.data) {
        expect(book.apply(data, false)).toBe(Number(data.checksum))
        verified++
      }
    expect(verified).toBe(509)
  })

  for (const vector of vectors.filter((v) => v.message !== undefined))
    test(`behavior: ${vector.id}`, () => {
      const message = vector.message
      if (message === undefined) throw new Error('message missing')
      const data = 'data' in message ? message.data[0] : message
      if (data === undefined) throw new Error('data missing')
      const pad = (levels: RawLevel[]) =>
        levels.map((l) => ({
          price: padDecimal(l.price, Number(vector.price_precision)),
          qty: padDecimal(l.qty, Number(vector.qty_precision)),
        }))
      const asks = pad(data.asks)
      const bids = pad(data.bids)
      expect(checksumInput(asks.slice(0, 10), [])).toBe(
        vector.expected_asks_string,
      )
      expect(checksumInput([], bids.slice(0, 10))).toBe(
        vector.expected_bids_string,
      )
      expect(bookChecksum(asks, bids)).toBe(Number(vector.expected_checksum))
    })
})

test('default', () => {
  // Kraken's worked example (spot-ws-book-v2), with its exact strings.
  const asks = [
    ['45285.2', '0.00100000'],
    ['45286.4', '1.54571953'],
    ['45286.6', '1.54571109'],
    ['45289.6', '1.54560911'],
    ['45290.2', '0.15890660'],
    ['45291.8', '1.54553491'],
    ['45294.7', '0.04454749'],
    ['45296.1', '0.35380000'],
    ['45297.5', '0.09945542'],
    ['45299.5', '0.18772827'],
  ]
  const bids = [
    ['45283.5', '0.10000000'],
    ['45283.4', '1.54582015'],
    ['45282.1', '0.10000000'],
    ['45281.0', '0.10000000'],
    ['45280.3', '1.54592586'],
    ['45279.0', '0.07990000'],
    ['45277.6', '0.03310103'],
    ['45277.5', '0.30000000'],
    ['45277.3', '1.54602737'],
    ['45276.6', '0.15445238'],
  ]
  const toLevels = (rows: string[][]) =>
    rows.map(([price = '', qty = '']) => ({ price, qty }))
  expect(bookChecksum(toLevels(asks), toLevels(bids))).toBe(3310070434)
})

test('behavior: the docs level3 vector', () => {
  type Order = { limit_price: string; order_qty: string }
  const vectors = (
    readExact('checksum-vectors.json') as {
      vectors: (Vector & { channel: string })[]
    }
  ).vectors
  const vector = vectors.find((v) => v.channel === 'level3')
  const data = (
    vector?.message as unknown as { data: { bids: Order[]; asks: Order[] }[] }
  )?.data[0]
  if (vector === undefined || data === undefined)
    throw new Error('level3 vector missing')
  const levels = (orders: Order[]) => {
    const byPrice = new Map<string, LevelText[]>()
    for (const order of orders) {
      const level = byPrice.get(order.limit_price) ?? []
      level.push({ price: order.limit_price, qty: order.order_qty })
      byPrice.set(order.limit_price, level)
    }
    return [...byPrice.values()]
  }
  expect(level3Checksum(levels(data.asks), levels(data.bids))).toBe(
    Number(vector.expected_checksum),
  )
})
