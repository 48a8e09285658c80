import { createBook } from '@kraken-sockets/book'
import { describe, expect, test } from 'vitest'
import { bookFeatures } from './bookFeatures.js'

const level = (price: string, qty: string) => ({
  price: Number(price),
  qty: Number(qty),
  price_text: price,
  qty_text: qty,
})

/** A verified book from @kraken-sockets/book, so the checksum is real. */
function verifiedBook() {
  const book = createBook({ symbol: 'BTC/USD', depth: 10 })
  const bids = [
    level('60000.0', '1.50000000'),
    level('59990.0', '2.00000000'),
    level('59950.0', '4.00000000'),
  ]
  const asks = [
    level('60010.0', '0.50000000'),
    level('60020.0', '1.00000000'),
    level('60100.0', '3.00000000'),
  ]
  // Compute the checksum the book expects, then apply with it.
  const probe = createBook({ symbol: 'BTC/USD', depth: 10 })
  probe.apply({ type: 'snapshot', symbol: 'BTC/USD', bids, asks, checksum: 0 })
  const result = book.apply({
    type: 'snapshot',
    symbol: 'BTC/USD',
    bids,
    asks,
    checksum: probe.checksum(),
  })
  expect(result.ok).toBe(true)
  return book
}

describe('bookFeatures', () => {
  test('default: spread, mid, microprice, imbalance and depth of a verified book', () => {
    const result = bookFeatures(verifiedBook(), {
      imbalanceLevels: 2,
      depthBps: 5,
    })
    if (!result.ok) throw new Error(result.reason)
    const f = result.features
    const mid = (60000 + 60010) / 2
    expect(f.spread).toBe(10)
    expect(f.mid).toBe(mid)
    expect(f.spreadBps).toBeCloseTo((10 / mid) * 10_000, 12)
    // Top sizes 1.5 bid / 0.5 ask: the microprice leans to the ask.
    expect(f.microprice).toBeCloseTo((60000 * 0.5 + 60010 * 1.5) / 2, 9)
    expect(f.imbalance).toBeCloseTo((3.5 - 1.5) / 5, 12)
    // 5 bps of 60005 is 30.0025: bids ≥ 59974.9975, asks ≤ 60035.0025.
    expect(f.bidDepth).toBe(3.5)
    expect(f.askDepth).toBe(1.5)
  })

  test('behavior: plain arrays of levels work too', () => {
    const result = bookFeatures({
      bids: [{ price: 99, qty: 1 }],
      asks: [{ price: 101, qty: 3 }],
    })
    expect(result.ok && result.features.imbalance).toBe(-0.5)
  })

  test('behavior: an out-of-sync book gives no features', () => {
    const book = verifiedBook()
    const bad = book.apply({
      type: 'update',
      symbol: 'BTC/USD',
      bids: [level('60001.0', '1.00000000')],
      asks: [],
      checksum: 1,
    })
    expect(bad.ok).toBe(false)
    expect(book.inSync).toBe(false)
    expect(bookFeatures(book)).toEqual({ ok: false, reason: 'out_of_sync' })
  })

  test('behavior: an empty side gives no features', () => {
    expect(bookFeatures({ bids: [], asks: [{ price: 1, qty: 1 }] })).toEqual({
      ok: false,
      reason: 'empty_side',
    })
  })
})
