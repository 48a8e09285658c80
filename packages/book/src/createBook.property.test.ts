import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createBook } from './createBook.js'
import { ReferenceBook, type ReferenceLevel } from './testing/reference.js'
import type { BookLevelInput, BookValueInput } from './types.js'

/*
 * Long random sequences against a naive reference book: after every value
 * the book must verify the reference's checksum and hold the same levels.
 */

const priceText = fc
  .integer({ min: 1, max: 45 })
  .map((ticks) => (ticks / 10).toFixed(1))
const qtyText = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('0', '0.0', '0.00000000') },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 8 }),
      )
      .map(([units, decimals]) => (units / 10 ** decimals).toFixed(decimals)),
  },
)
const level = fc.record({ price: priceText, qty: qtyText })
const frame = fc.record({
  bids: fc.array(level, { maxLength: 6 }),
  asks: fc.array(level, { maxLength: 6 }),
  corrupt: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
})
// Sides longer than the bulk threshold (64): staged and sorted once, with
// repeated prices and removals inside one side, as the book must handle.
const largeFrame = fc.record({
  bids: fc.array(level, { minLength: 60, maxLength: 150 }),
  asks: fc.array(level, { minLength: 60, maxLength: 150 }),
  corrupt: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
})

function toInput(
  levels: readonly ReferenceLevel[],
  withText: boolean,
): BookLevelInput[] {
  return levels.map(({ price, qty }) =>
    withText
      ? {
          price: Number(price),
          qty: Number(qty),
          price_text: price,
          qty_text: qty,
        }
      : { price: Number(price), qty: Number(qty) },
  )
}

function run(
  withText: boolean,
  frameArbitrary: typeof frame = frame,
  { numRuns = 150, maxFrames = 80, maxInitial = 40 } = {},
): void {
  fc.assert(
    fc.property(
      fc.constantFrom(10, 25),
      fc.array(level, { maxLength: maxInitial }),
      fc.array(frameArbitrary, { minLength: 1, maxLength: maxFrames }),
      (depth, initial, frames) => {
        // Without text the digits come from the precision, so the reference
        // reads every quantity at 8 decimals.
        const pad = (l: ReferenceLevel): ReferenceLevel =>
          withText ? l : { price: l.price, qty: Number(l.qty).toFixed(8) }
        const reference = new ReferenceBook(depth)
        const book = createBook({
          symbol: 'BTC/USD',
          depth,
          ...(withText ? {} : { pricePrecision: 1, qtyPrecision: 8 }),
        })
        const snapshotOf = (): BookValueInput => ({
          type: 'snapshot',
          symbol: 'BTC/USD',
          bids: toInput(reference.levels('bids'), withText),
          asks: toInput(reference.levels('asks'), withText),
          checksum: reference.checksum(),
        })
        const nonZero = initial.filter((l) => Number(l.qty) > 0).map(pad)
        reference.apply(
          'bids',
          nonZero.filter((l) => Number(l.price) < 2.3),
        )
        reference.apply(
          'asks',
          nonZero.filter((l) => Number(l.price) >= 2.3),
        )
        reference.truncate()
        expect(book.apply(snapshotOf())).toEqual({ ok: true })
        for (const { bids, asks, corrupt } of frames) {
          reference.apply('bids', bids.map(pad))
          reference.apply('asks', asks.map(pad))
          reference.truncate()
          const checksum = reference.checksum()
          const result = book.apply({
            type: 'update',
            symbol: 'BTC/USD',
            bids: toInput(bids, withText),
            asks: toInput(asks, withText),
            checksum: corrupt ? (checksum + 1) >>> 0 : checksum,
          })
          if (corrupt) {
            expect(result).toMatchObject({ ok: false, computed: checksum })
            expect(book.apply(snapshotOf())).toEqual({ ok: true })
          } else expect(result).toEqual({ ok: true })
          for (const side of ['bids', 'asks'] as const)
            expect([...book[side]].map((l) => [l.price, l.qty_text])).toEqual(
              reference
                .levels(side)
                .map((l) => [
                  Number(l.price),
                  withText ? l.qty : Number(l.qty).toFixed(8),
                ]),
            )
        }
      },
    ),
    { numRuns },
  )
}

test('behavior: random sequences match the reference (wire text)', () => {
  run(true)
})

test('behavior: random sequences match the reference (floats + precisions)', () => {
  run(false)
})

test('behavior: large snapshots and updates (applied in bulk) match the reference', () => {
  const large = { numRuns: 40, maxFrames: 12, maxInitial: 300 }
  run(true, largeFrame, large)
  run(false, largeFrame, large)
})

test('error: arbitrary values never throw', () => {
  fc.assert(
    fc.property(fc.anything({ withBigInt: true, withMap: true }), (value) => {
      const book = createBook({ symbol: 'BTC/USD' })
      const result = book.apply(value as BookValueInput)
      expect(typeof result.ok).toBe('boolean')
      if (!result.ok) expect(book.inSync).toBe(false)
    }),
    { numRuns: 1000 },
  )
})
