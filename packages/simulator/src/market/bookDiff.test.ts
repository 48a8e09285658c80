import { expect, test } from 'vitest'
import { applyChanges, type LevelChange } from './bookDiff.js'
import { BookSide } from './bookSide.js'
import { createPrng } from './prng.js'

/** A subscriber's book: applies every level, then truncates to depth. */
function subscriberBook(depth: number) {
  const bid = new BookSide('bid')
  const ask = new BookSide('ask')
  return {
    bid,
    ask,
    apply(levels: readonly LevelChange[]) {
      for (const level of levels)
        (level.side === 'bid' ? bid : ask).set(level.price, level.qty)
      for (const side of [bid, ask])
        while (side.size > depth) side.set(side.prices[side.size - 1] ?? 0, 0)
    },
  }
}

const top = (side: BookSide, depth: number) =>
  side.prices.slice(0, depth).map((price) => [price, side.qty.get(price)])

test('default', () => {
  const sides = { bid: new BookSide('bid'), ask: new BookSide('ask') }
  for (let i = 0; i < 5; i++) {
    sides.bid.set(100 - i, 1)
    sides.ask.set(101 + i, 1)
  }
  const updates = applyChanges(
    sides,
    [{ side: 'bid', price: 100, qty: 0 }],
    [2],
  )
  // The delete, then the level that enters the 2-deep view from below.
  expect(updates.get(2)?.bids).toEqual([
    { side: 'bid', price: 100, qty: 0 },
    { side: 'bid', price: 98, qty: 1 },
  ])
  expect(updates.get(2)?.asks).toEqual([])
})

test('behavior: no delete for a level pushed out of scope', () => {
  const sides = { bid: new BookSide('bid'), ask: new BookSide('ask') }
  sides.bid.set(100, 1)
  sides.bid.set(99, 1)
  const updates = applyChanges(
    sides,
    [{ side: 'bid', price: 101, qty: 2 }],
    [2],
  )
  expect(updates.get(2)?.bids).toEqual([{ side: 'bid', price: 101, qty: 2 }])
})

test('behavior: subscribers of every depth track the book through random messages', () => {
  const prng = createPrng('diff')
  const depths = [1, 3, 10, 25]
  const sides = { bid: new BookSide('bid'), ask: new BookSide('ask') }
  for (let i = 0; i < 40; i++) {
    sides.bid.set(1000 - i * 2, prng.int(1, 9))
    sides.ask.set(1001 + i * 2, prng.int(1, 9))
  }
  const books = depths.map((depth) => {
    const book = subscriberBook(depth)
    book.apply([
      ...top(sides.bid, depth).map(([price = 0, qty = 0]) => ({
        side: 'bid' as const,
        price,
        qty,
      })),
      ...top(sides.ask, depth).map(([price = 0, qty = 0]) => ({
        side: 'ask' as const,
        price,
        qty,
      })),
    ])
    return { depth, book }
  })
  for (let step = 0; step < 3000; step++) {
    const changes: LevelChange[] = []
    for (let n = prng.int(1, 6); n > 0; n--) {
      const side = prng.next() < 0.5 ? 'bid' : 'ask'
      const price = side === 'bid' ? prng.int(900, 1000) : prng.int(1001, 1100)
      changes.push({ side, price, qty: prng.next() < 0.4 ? 0 : prng.int(1, 9) })
    }
    const updates = applyChanges(sides, changes, depths)
    for (const { depth, book } of books) {
      const update = updates.get(depth)
      if (update === undefined) throw new Error('missing depth')
      book.apply([...update.bids, ...update.asks])
      expect(top(book.bid, depth)).toEqual(top(sides.bid, depth))
      expect(top(book.ask, depth)).toEqual(top(sides.ask, depth))
    }
  }
})
