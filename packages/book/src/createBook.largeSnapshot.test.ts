import { describe, expect, test } from 'vitest'
import { crc32Portable } from './crc32.js'
import { createBook } from './createBook.js'
import { createL3Book } from './level3/createL3Book.js'
import {
  type ReferenceLevel,
  referenceChecksumText,
} from './testing/reference.js'
import type { BookLevelInput, L3OrderInput } from './types.js'

/*
 * Defect: a snapshot whose levels came worst first inserted each one at the
 * front of the side (every level moved along), and kept all of them until
 * the cut to the depth: 80 000 levels blocked the event loop for seconds.
 * Applied in bulk now, the cost is O(n log n) whatever the order. The limits
 * below are generous (about 50x what the bulk path takes here, while the
 * insertion path needs minutes): the exact counts are in sortedLevels.test.ts,
 * the figures in bench/ (book/worstFirstSnapshot).
 */

const LEVELS = 200_000
const LIMIT_MS = 15_000

/** Prices `1.00000` up, as text with five decimals. */
function priceText(tick: number): string {
  return (1 + tick / 100_000).toFixed(5)
}

function level(price: string, qty: string): BookLevelInput {
  return {
    price: Number(price),
    qty: Number(qty),
    price_text: price,
    qty_text: qty,
  }
}

describe('a worst-first snapshot far beyond the depth', () => {
  test('behavior: L2 keeps the best depth levels, verified, in bounded time', () => {
    const depth = 1000
    // Bids worst first: lowest price first. Asks worst first: highest first.
    const bids: BookLevelInput[] = []
    const asks: BookLevelInput[] = []
    for (let i = 0; i < LEVELS; i++) {
      bids.push(level(priceText(i), '1.5'))
      asks.push(level(priceText(2 * LEVELS - i), '2.5'))
    }
    const best = (levels: BookLevelInput[]): ReferenceLevel[] =>
      levels
        .slice(-depth)
        .reverse()
        .map((l) => ({ price: l.price_text ?? '', qty: l.qty_text ?? '' }))
    const checksum = crc32Portable(
      referenceChecksumText(best(asks), best(bids)),
    )
    const book = createBook({ symbol: 'BTC/USD', depth })
    const started = Date.now()
    const result = book.apply({ type: 'snapshot', bids, asks, checksum })
    const elapsed = Date.now() - started
    expect(result).toEqual({ ok: true })
    expect(book.bids.length).toBe(depth)
    expect(book.asks.length).toBe(depth)
    expect(book.bestBid?.price_text).toBe(priceText(LEVELS - 1))
    expect(book.bids.at(-1)?.price_text).toBe(priceText(LEVELS - depth))
    expect(book.bestAsk?.price_text).toBe(priceText(LEVELS + 1))
    expect(elapsed).toBeLessThan(LIMIT_MS)
  })

  test('behavior: level3 keeps the best depth levels and forgets the orders cut off', () => {
    const depth = 1000
    const bids: L3OrderInput[] = []
    for (let i = 0; i < LEVELS; i++) {
      const price = priceText(i)
      bids.push({
        order_id: `O${i}`,
        limit_price: Number(price),
        order_qty: 1,
        limit_price_text: price,
        order_qty_text: '1',
      })
    }
    const book = createL3Book({ symbol: 'BTC/USD', depth })
    const started = Date.now()
    const result = book.apply({ type: 'snapshot', bids, asks: [], checksum: 0 })
    const elapsed = Date.now() - started
    // The checksum is the book's to compute: only the cut matters here.
    expect(result).toMatchObject({ ok: false, reason: 'checksum-mismatch' })
    expect(book.bids.length).toBe(depth)
    expect(book.bids.best?.price_text).toBe(priceText(LEVELS - 1))
    expect(book.orderCount).toBe(depth)
    expect(book.order(`O${LEVELS - depth - 1}`)).toBeUndefined()
    expect(book.order(`O${LEVELS - depth}`)?.side).toBe('bids')
    expect(elapsed).toBeLessThan(LIMIT_MS)
  })
})
