import { describe, expect, test } from 'vitest'
import { crc32Portable } from './crc32.js'
import { type Book, createBook } from './createBook.js'
import { BookOptionsError } from './errors.js'
import {
  bookValue,
  docsVectors,
  liveCapture,
  liveVectors,
} from './testing/fixtures.js'
import type { BookLevelInput, BookValueInput } from './types.js'

const lvl = (price: string, qty: string): BookLevelInput => ({
  price: Number(price),
  qty: Number(qty),
  price_text: price,
  qty_text: qty,
})

/** A value whose checksum is whatever `book` computes for it afterwards. */
function snapshot(
  bids: BookLevelInput[],
  asks: BookLevelInput[],
  checksum = 0,
): BookValueInput {
  return {
    channel: 'book',
    type: 'snapshot',
    symbol: 'BTC/USD',
    bids,
    asks,
    checksum,
  }
}

function update(
  bids: BookLevelInput[],
  asks: BookLevelInput[],
  checksum = 0,
): BookValueInput {
  return {
    channel: 'book',
    type: 'update',
    symbol: 'BTC/USD',
    bids,
    asks,
    checksum,
  }
}

/** Applies with the checksum that a naive string build gives (independent oracle). */
function applyVerified(
  book: Book,
  value: BookValueInput,
  expectedText: string,
) {
  return book.apply({ ...value, checksum: crc32Portable(expectedText) })
}

describe('Kraken docs vectors', () => {
  test('default: BTC/USD snapshot, string-decoded', () => {
    const vector = docsVectors.btcSnapshot
    const book = createBook({ symbol: 'BTC/USD' })
    expect(book.apply(bookValue(vector.message, 'text'))).toEqual({ ok: true })
    expect(book.inSync).toBe(true)
    expect(book.checksum()).toBe(vector.expected_checksum)
    expect(book.checksumText()).toBe(
      String(vector.expected_asks_string) + String(vector.expected_bids_string),
    )
  })

  test('behavior: BTC/USD snapshot, float-decoded with precisions', () => {
    const vector = docsVectors.btcSnapshot
    const book = createBook({
      symbol: 'BTC/USD',
      pricePrecision: 1,
      qtyPrecision: 8,
    })
    expect(book.apply(bookValue(vector.message, 'float'))).toEqual({ ok: true })
  })

  test('behavior: MATIC/USD snapshot then update, both decodings', () => {
    const vector = docsVectors.maticSequence
    const steps = vector.steps as {
      expected_checksum: number
      expected_asks_string: string
      expected_bids_string: string
    }[]
    for (const decoding of ['text', 'float'] as const) {
      const book = createBook({
        symbol: 'MATIC/USD',
        pricePrecision: 4,
        qtyPrecision: 8,
      })
      expect(book.apply(bookValue(vector.snapshot_message, decoding))).toEqual({
        ok: true,
      })
      expect(book.checksumText()).toBe(
        `${steps[0]?.expected_asks_string}${steps[0]?.expected_bids_string}`,
      )
      expect(book.apply(bookValue(vector.update_message, decoding))).toEqual({
        ok: true,
      })
      expect(book.checksum()).toBe(steps[1]?.expected_checksum)
    }
  })

  test('behavior: float-decoded without precisions is a best effort that fails', () => {
    // The vector notes that the raw float text gives 3830085102.
    const book = createBook({ symbol: 'MATIC/USD' })
    const result = book.apply(
      bookValue(docsVectors.maticSequence.snapshot_message, 'float'),
    )
    expect(result).toMatchObject({
      ok: false,
      reason: 'checksum-mismatch',
      expected: 2439117997,
      computed: 3830085102,
    })
    expect(book.inSync).toBe(false)
  })
})

describe('live captures', () => {
  test('default: snapshot + 509 updates all verify (text and float decodings)', () => {
    for (const decoding of ['text', 'float'] as const) {
      const { snapshot: first, updates } = liveCapture(decoding)
      expect(updates).toHaveLength(509)
      const book = createBook({
        symbol: 'BTC/USD',
        depth: 10,
        pricePrecision: 1,
        qtyPrecision: 8,
      })
      expect(book.apply(first)).toEqual({ ok: true })
      const failed = updates.map((u) => book.apply(u)).filter((r) => !r.ok)
      expect(failed).toEqual([])
      expect(book.bids.length).toBe(10)
      expect(book.asks.length).toBe(10)
    }
  })

  test('behavior: depth-25 snapshots (text, and float with precisions)', () => {
    const text = createBook({ symbol: 'BTC/USDT', depth: 25 })
    expect(
      text.apply(bookValue(liveVectors.depth25Text.message, 'text')),
    ).toEqual({ ok: true })
    expect(text.bids.length).toBe(25)
    expect(text.checksumText()).toBe(
      String(liveVectors.depth25Text.expected_asks_string) +
        String(liveVectors.depth25Text.expected_bids_string),
    )
    const float = createBook({
      symbol: 'BTC/USD',
      depth: 25,
      pricePrecision: 1,
      qtyPrecision: 8,
    })
    const value = bookValue(liveVectors.depth25Float.message, 'float')
    expect(float.apply(value)).toEqual({ ok: true })
    expect(float.checksum()).toBe(liveVectors.depth25Float.expected_checksum)
  })

  test('behavior: a depth-25 snapshot into a depth-10 book is cut to 10', () => {
    const book = createBook({ symbol: 'BTC/USDT', depth: 10 })
    // Only the top 10 are checksummed, so the cut book still verifies.
    expect(
      book.apply(bookValue(liveVectors.depth25Text.message, 'text')),
    ).toEqual({ ok: true })
    expect(book.bids.length).toBe(10)
    expect(book.asks.at(-1)?.price_text).toBe('105926.0')
  })
})

describe('maintenance', () => {
  test('behavior: truncates to depth after an insert (no delete is sent)', () => {
    const book = createBook({ symbol: 'BTC/USD', depth: 10 })
    const bids = Array.from({ length: 10 }, (_, i) =>
      lvl(`${100 - i}.0`, '1.0'),
    )
    const asks = Array.from({ length: 10 }, (_, i) =>
      lvl(`${101 + i}.0`, '1.0'),
    )
    expect(book.apply(snapshot(bids, asks, book.checksum()))).toMatchObject({
      ok: false,
    })
    const text = (b: BookLevelInput[], a: BookLevelInput[]) =>
      [...a, ...b]
        .map((l) =>
          `${l.price_text}${l.qty_text}`.replace(/\./g, '').replace(/^0+/, ''),
        )
        .join('')
    expect(applyVerified(book, snapshot(bids, asks), text(bids, asks))).toEqual(
      { ok: true },
    )
    const inserted = lvl('100.5', '2.0')
    const after = [inserted, ...bids.slice(0, 9)]
    expect(
      applyVerified(book, update([inserted], []), text(after, asks)),
    ).toEqual({ ok: true })
    expect(book.bids.length).toBe(10)
    expect(book.bids.get(91)).toBeUndefined()
    expect(book.bids.best).toEqual({
      price: 100.5,
      qty: 2,
      price_text: '100.5',
      qty_text: '2.0',
    })
  })

  test('behavior: thin books with fewer than 10 levels', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    expect(
      applyVerified(book, snapshot([lvl('10.5', '0.1')], []), '1051'),
    ).toEqual({ ok: true })
    expect(book.asks.length).toBe(0)
    expect(book.spread).toBeUndefined()
    expect(
      applyVerified(book, update([], [lvl('11.0', '3')]), '1103' + '1051'),
    ).toEqual({ ok: true })
    expect(applyVerified(book, update([lvl('10.5', '0')], []), '1103')).toEqual(
      { ok: true },
    )
    expect(applyVerified(book, update([], [lvl('11.0', '0')]), '')).toEqual({
      ok: true,
    })
    expect(book.checksum()).toBe(0)
  })

  test('behavior: qty 0 for an absent level changes nothing', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    expect(
      applyVerified(
        book,
        snapshot([lvl('10.5', '0.1')], [lvl('11.0', '2')]),
        '1102' + '1051',
      ),
    ).toEqual({ ok: true })
    expect(
      applyVerified(
        book,
        update([lvl('9.0', '0')], [lvl('12.0', '0.00')]),
        '1102' + '1051',
      ),
    ).toEqual({ ok: true })
    expect(book.bids.length + book.asks.length).toBe(2)
  })

  test('behavior: duplicate and crossing levels in one frame apply in order', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    expect(
      applyVerified(
        book,
        snapshot([lvl('10.0', '1')], [lvl('11.0', '1')]),
        '1101' + '1001',
      ),
    ).toEqual({ ok: true })
    // A bid crossing the ask, then the ask consumed, then the same bid twice.
    const result = applyVerified(
      book,
      update(
        [lvl('11.5', '3'), lvl('11.5', '0.5'), lvl('10.0', '0')],
        [lvl('11.0', '0'), lvl('12.0', '1')],
      ),
      '1201' + '1155',
    )
    expect(result).toEqual({ ok: true })
    expect(book.bids.slice()).toEqual([
      { price: 11.5, qty: 0.5, price_text: '11.5', qty_text: '0.5' },
    ])
  })

  test('behavior: a duplicate price in a snapshot keeps the last one', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    expect(
      applyVerified(
        book,
        snapshot([lvl('10.0', '1'), lvl('10.0', '2')], []),
        '1002',
      ),
    ).toEqual({ ok: true })
    expect(book.bids.length).toBe(1)
  })
})

describe('sync', () => {
  test('behavior: updates before the first snapshot are ignored and reported', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    expect(book.inSync).toBe(false)
    expect(book.apply(update([lvl('1.0', '1')], [], 5))).toMatchObject({
      ok: false,
      reason: 'out-of-sync',
      expected: 5,
    })
    expect(book.bids.length).toBe(0)
  })

  test('error: a checksum mismatch puts the book out of sync until a snapshot', () => {
    const { snapshot: first, updates } = liveCapture('text')
    const book = createBook({
      symbol: 'BTC/USD',
      pricePrecision: 1,
      qtyPrecision: 8,
    })
    book.apply(first)
    const [u0, u1] = updates
    if (u0 === undefined || u1 === undefined) throw new Error('fixture')
    const result = book.apply({ ...u0, checksum: u0.checksum + 1 })
    expect(result).toEqual({
      ok: false,
      reason: 'checksum-mismatch',
      expected: u0.checksum + 1,
      computed: u0.checksum,
      message: expect.stringContaining('out of sync'),
    })
    expect(book.inSync).toBe(false)
    expect(book.apply(u1)).toMatchObject({ ok: false, reason: 'out-of-sync' })
    expect(book.apply(first)).toEqual({ ok: true })
    expect(book.inSync).toBe(true)
  })

  test('error: a value for another symbol is ignored without losing sync', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    expect(
      applyVerified(book, snapshot([lvl('10.0', '1')], []), '1001'),
    ).toEqual({ ok: true })
    expect(
      book.apply({ ...update([lvl('10.0', '0')], []), symbol: 'ETH/USD' }),
    ).toMatchObject({ ok: false, reason: 'wrong-symbol' })
    expect(book.inSync).toBe(true)
    expect(book.bids.length).toBe(1)
  })

  test('behavior: reset empties the book and waits for a snapshot', () => {
    const book = createBook({ symbol: 'BTC/USD' })
    applyVerified(book, snapshot([lvl('10.0', '1')], []), '1001')
    book.reset()
    expect(book.inSync).toBe(false)
    expect(book.bids.length).toBe(0)
  })
})

describe('garbage input', () => {
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('boom')
      },
    },
  )
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', '{"channel":"book"}'],
    ['an array', []],
    ['an empty object', {}],
    ['another channel', { ...snapshot([], []), channel: 'ticker' }],
    ['an unknown type', { ...snapshot([], []), type: 'delta' }],
    ['no checksum', { type: 'snapshot', bids: [], asks: [] }],
    ['a negative checksum', snapshot([], [], -1)],
    ['a checksum above uint32', snapshot([], [], 2 ** 32)],
    ['a fractional checksum', snapshot([], [], 1.5)],
    ['bids not an array', { ...snapshot([], []), bids: 'x' }],
    ['a level that is not an object', { ...snapshot([], []), bids: [7] }],
    ['a NaN price', snapshot([{ price: Number.NaN, qty: 1 }], [])],
    ['a negative qty', snapshot([{ price: 1, qty: -1 }], [])],
    [
      'an infinite price',
      snapshot([{ price: Number.POSITIVE_INFINITY, qty: 1 }], []),
    ],
    [
      'a string price',
      { ...snapshot([], []), asks: [{ price: '1.0', qty: 1 }] },
    ],
    ['a bigint qty', { ...snapshot([], []), asks: [{ price: 1, qty: 1n }] }],
    [
      'a numeric price_text',
      { ...snapshot([], []), asks: [{ price: 1, qty: 1, price_text: 1 }] },
    ],
    [
      'a non-decimal qty_text',
      snapshot([{ ...lvl('1.0', '1'), qty_text: '1.2.3' }], []),
    ],
    [
      'a negative price_text',
      snapshot([{ ...lvl('1.0', '1'), price_text: '-1.0' }], []),
    ],
    ['a throwing object', throwing],
    ['throwing levels', { ...snapshot([], []), bids: [throwing] }],
  ]
  for (const [name, value] of cases)
    test(`error: ${name} never throws and desyncs the book`, () => {
      const book = createBook({ symbol: 'BTC/USD' })
      applyVerified(book, snapshot([lvl('10.0', '1')], []), '1001')
      expect(book.inSync).toBe(true)
      const result = book.apply(value as BookValueInput)
      expect(result).toMatchObject({
        ok: false,
        reason: 'invalid-input',
        computed: undefined,
      })
      expect(result.ok === false && result.message).toMatch(/BTC\/USD: /)
      expect(book.inSync).toBe(false)
    })
})

describe('reading', () => {
  function docsBook(): Book {
    const book = createBook({ symbol: 'BTC/USD' })
    book.apply(bookValue(docsVectors.btcSnapshot.message, 'text'))
    return book
  }

  test("default: best, spread, mid in the prices' decimals", () => {
    const book = docsBook()
    expect(book.bestBid).toEqual({
      price: 45283.5,
      qty: 0.1,
      price_text: '45283.5',
      qty_text: '0.10000000',
    })
    expect(book.bestAsk?.price).toBe(45285.2)
    expect(book.spread).toBe(1.7)
    expect(book.mid).toBe(45284.35)
  })

  test('behavior: sides read best first; slices copy only their range', () => {
    const book = docsBook()
    expect([...book.bids].map((l) => l.price)).toEqual([
      45283.5, 45283.4, 45282.1, 45281, 45280.3, 45279, 45277.6, 45277.5,
      45277.3, 45276.6,
    ])
    expect(book.asks.slice(0, 2).map((l) => l.price)).toEqual([
      45285.2, 45286.4,
    ])
    expect(book.asks.at(-1)?.price).toBe(45299.5)
    expect(book.asks.at(10)).toBeUndefined()
    expect(book.asks.get(45290.2)?.qty_text).toBe('0.15890660')
    expect(book.asks.get(45290.3)).toBeUndefined()
    expect(book.bids.side).toBe('bids')
  })

  test('behavior: qtyTo sums to a price without float noise', () => {
    const book = docsBook()
    expect(book.bids.qtyTo(45282.1)).toBe(1.74582015)
    expect(book.asks.qtyTo(45286.6)).toBe(3.09243062)
    expect(book.asks.qtyTo(1)).toBe(0)
  })

  test('behavior: float input reads back text padded to the precision', () => {
    const book = createBook({
      symbol: 'BTC/USD',
      pricePrecision: 1,
      qtyPrecision: 8,
    })
    book.apply(bookValue(docsVectors.btcSnapshot.message, 'float'))
    expect(book.bids.at(3)).toEqual({
      price: 45281,
      qty: 0.1,
      price_text: '45281.0',
      qty_text: '0.10000000',
    })
  })

  test('error: readers cannot change the book', () => {
    const book = docsBook()
    const before = book.checksum()
    const best = book.bids.best
    if (best === undefined) throw new Error('empty')
    expect(() => {
      ;(best as { qty: number }).qty = 0
    }).toThrow(TypeError)
    expect(() => Object.defineProperty(best, 'price', { value: 1 })).toThrow(
      TypeError,
    )
    expect(() => {
      ;(book.bids as unknown as { length: number }).length = 0
    }).toThrow(TypeError)
    expect(() => {
      ;(book as unknown as { bids: unknown }).bids = []
    }).toThrow(TypeError)
    const copy = book.bids.slice()
    copy.length = 0
    expect(book.bids.length).toBe(10)
    expect(book.checksum()).toBe(before)
    expect(
      book.apply(bookValue(docsVectors.btcSnapshot.message, 'text')),
    ).toEqual({ ok: true })
  })

  test('behavior: a level object stays the same until its level changes', () => {
    const book = docsBook()
    expect(book.bids.best).toBe(book.bids.at(0))
  })
})

describe('options', () => {
  test('default: depth 10', () => {
    expect(createBook({ symbol: 'BTC/USD' }).depth).toBe(10)
  })

  test('error: a depth Kraken does not offer', () => {
    expect(() => createBook({ symbol: 'BTC/USD', depth: 20 })).toThrow(
      BookOptionsError,
    )
  })

  test('error: bad precision or symbol', () => {
    expect(() => createBook({ symbol: 'BTC/USD', pricePrecision: -1 })).toThrow(
      /pricePrecision/,
    )
    expect(() => createBook({ symbol: 'BTC/USD', qtyPrecision: 1.5 })).toThrow(
      /qtyPrecision/,
    )
    expect(() => createBook({ symbol: '' })).toThrow(/symbol/)
  })
})
