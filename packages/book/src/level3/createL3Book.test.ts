import { describe, expect, test } from 'vitest'
import { crc32Portable } from '../crc32.js'
import { BookOptionsError } from '../errors.js'
import { docsVectors, l3Value } from '../testing/fixtures.js'
import type { L3OrderInput, L3ValueInput } from '../types.js'
import { createL3Book } from './createL3Book.js'
import type { L3Book } from './l3Book.js'

const order = (
  order_id: string,
  price: string,
  qty: string,
  event?: 'add' | 'modify' | 'delete',
): L3OrderInput => ({
  order_id,
  limit_price: Number(price),
  order_qty: Number(qty),
  limit_price_text: price,
  order_qty_text: qty,
  timestamp: '2024-01-08T12:26:39.526146327Z',
  ...(event === undefined ? {} : { event }),
})

const value = (
  type: 'snapshot' | 'update',
  bids: L3OrderInput[],
  asks: L3OrderInput[],
  checksumText: string,
): L3ValueInput => ({
  channel: 'level3',
  type,
  symbol: 'BTC/USD',
  bids,
  asks,
  checksum: crc32Portable(checksumText),
})

/** A small book: asks 11.0 [a1 1, a2 2], bids 10.0 [b1 1], 9.5 [b2 3]. */
function smallBook(depth = 10): L3Book {
  const book = createL3Book({ symbol: 'BTC/USD', depth })
  const result = book.apply(
    value(
      'snapshot',
      [order('b1', '10.0', '1'), order('b2', '9.5', '3')],
      [order('a1', '11.0', '1'), order('a2', '11.0', '2')],
      '1101' + '1102' + '1001' + '953',
    ),
  )
  expect(result).toEqual({ ok: true })
  return book
}

describe('docs vector', () => {
  test('default: the level3 guide snapshot, string-decoded', () => {
    const vector = docsVectors.level3
    const book = createL3Book({ symbol: 'BTC/USD' })
    expect(book.apply(l3Value(vector.message, 'text'))).toEqual({ ok: true })
    expect(book.checksum()).toBe(1063832831)
    expect(book.checksumText()).toBe(
      String(vector.expected_asks_string) + String(vector.expected_bids_string),
    )
  })

  test('behavior: float-decoded with precisions', () => {
    const book = createL3Book({
      symbol: 'BTC/USD',
      pricePrecision: 1,
      qtyPrecision: 8,
    })
    expect(book.apply(l3Value(docsVectors.level3.message, 'float'))).toEqual({
      ok: true,
    })
  })

  test('behavior: reads price levels and their orders in queue order', () => {
    const book = createL3Book({ symbol: 'BTC/USD' })
    book.apply(l3Value(docsVectors.level3.message, 'text'))
    const best = book.bids.best
    expect(best).toEqual({
      price: 44939.4,
      qty: 3.5578887,
      price_text: '44939.4',
      qty_text: '3.55788870',
      count: 8,
    })
    expect(
      book.bids
        .orders(44939.4)
        .map((o) => o.order_id)
        .slice(0, 3),
    ).toEqual([
      'OTCFZG-YOE2Q-LQKNM3',
      'OFGP5R-B3E7G-54EZD6',
      'OMPHVY-IZPJ4-KOKA3P',
    ])
    expect(book.order('OFGP5R-B3E7G-54EZD6')).toMatchObject({
      side: 'bids',
      order_qty_text: '0.45210000',
    })
    expect(book.bids.orders(1)).toEqual([])
  })
})

describe('events', () => {
  test('behavior: add joins the back of its queue', () => {
    const book = smallBook()
    expect(
      book.apply(
        value(
          'update',
          [],
          [order('a3', '11.0', '0.5', 'add')],
          '1101' + '1102' + '1105' + '1001' + '953',
        ),
      ),
    ).toEqual({ ok: true })
    expect(book.asks.best).toMatchObject({ qty: 3.5, count: 3 })
  })

  test('behavior: modify keeps the queue position', () => {
    const book = smallBook()
    expect(
      book.apply(
        value(
          'update',
          [],
          [order('a1', '11.0', '0.25', 'modify')],
          '11025' + '1102' + '1001' + '953',
        ),
      ),
    ).toEqual({ ok: true })
    expect(book.asks.orders(11).map((o) => o.order_id)).toEqual(['a1', 'a2'])
  })

  test('behavior: modify to another price re-queues; unknown modify adds', () => {
    const book = smallBook()
    expect(
      book.apply(
        value(
          'update',
          [
            order('b1', '9.5', '1', 'modify'),
            order('b9', '9.0', '2', 'modify'),
          ],
          [],
          '1101' + '1102' + '953' + '951' + '902',
        ),
      ),
    ).toEqual({ ok: true })
    expect(book.bids.orders(9.5).map((o) => o.order_id)).toEqual(['b2', 'b1'])
    expect(book.bids.length).toBe(2)
  })

  test('behavior: delete removes the order and empty levels; unknown delete is a no-op', () => {
    const book = smallBook()
    expect(
      book.apply(
        value(
          'update',
          [
            order('b1', '10.0', '1', 'delete'),
            order('zz', '1.0', '1', 'delete'),
          ],
          [],
          '1101' + '1102' + '953',
        ),
      ),
    ).toEqual({ ok: true })
    expect(book.bids.length).toBe(1)
    expect(book.order('b1')).toBeUndefined()
    expect(book.orderCount).toBe(3)
  })

  test('behavior: many deletes at one price keep the queue order of the rest, and fills keep their place', () => {
    const book = createL3Book({ symbol: 'BTC/USD', depth: 10 })
    const ids = Array.from({ length: 100 }, (_, i) => `q${i}`)
    const digits = (list: string[]) => list.map(() => '1001').join('')
    expect(
      book.apply(
        value(
          'snapshot',
          ids.map((id) => order(id, '10.0', '1')),
          [],
          digits(ids),
        ),
      ),
    ).toEqual({ ok: true })
    // Delete every order but each seventh (past the compaction threshold),
    // then fill one survivor and add one at the back.
    const kept = ids.filter((_, i) => i % 7 === 0)
    const gone = ids.filter((_, i) => i % 7 !== 0)
    const filled = kept[3] ?? ''
    const text = kept.map((id) => (id === filled ? '1005' : '1001')).join('')
    expect(
      book.apply(
        value(
          'update',
          [
            ...gone.map((id) => order(id, '10.0', '1', 'delete')),
            order(filled, '10.0', '0.5', 'modify'),
            order('last', '10.0', '1', 'add'),
          ],
          [],
          `${text}1001`,
        ),
      ),
    ).toEqual({ ok: true })
    expect(book.bids.orders(10).map((o) => o.order_id)).toEqual([
      ...kept,
      'last',
    ])
    expect(book.bids.best).toMatchObject({ count: kept.length + 1 })
    expect(book.orderCount).toBe(kept.length + 1)
    expect(book.order(gone[0] ?? '')).toBeUndefined()
    expect(book.order(filled)).toMatchObject({ order_qty: 0.5, side: 'bids' })
  })

  test('behavior: truncation to depth drops whole price levels and their orders', () => {
    const asks = Array.from({ length: 10 }, (_, i) =>
      order(`a${i}`, `${20 + i}.0`, '1'),
    )
    const text = (list: L3OrderInput[]) =>
      list
        .map((o) => `${o.limit_price_text}${o.order_qty_text}`.replace('.', ''))
        .join('')
    const book = createL3Book({ symbol: 'BTC/USD', depth: 10 })
    expect(book.apply(value('snapshot', [], asks, text(asks)))).toEqual({
      ok: true,
    })
    const inserted = [
      order('n1', '19.0', '1', 'add'),
      order('n2', '19.0', '2', 'add'),
    ]
    const after = [
      order('n1', '19.0', '1'),
      order('n2', '19.0', '2'),
      ...asks.slice(0, 9),
    ]
    expect(book.apply(value('update', [], inserted, text(after)))).toEqual({
      ok: true,
    })
    expect(book.asks.length).toBe(10)
    expect(book.order('a9')).toBeUndefined()
    expect(book.orderCount).toBe(11)
  })

  test('error: a checksum mismatch desyncs until the next snapshot', () => {
    const book = smallBook()
    const result = book.apply({
      ...value('update', [], [order('a1', '11.0', '1', 'delete')], ''),
      checksum: 1,
    })
    expect(result).toMatchObject({
      ok: false,
      reason: 'checksum-mismatch',
      expected: 1,
    })
    expect(book.apply(value('update', [], [], ''))).toMatchObject({
      ok: false,
      reason: 'out-of-sync',
    })
    expect(book.inSync).toBe(false)
  })
})

describe('garbage input', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    [
      'a book value',
      { type: 'snapshot', channel: 'book', bids: [], asks: [], checksum: 0 },
    ],
    [
      'an update without event',
      value('update', [order('x', '1.0', '1')], [], ''),
    ],
    [
      'an unknown event',
      value(
        'update',
        [{ ...order('x', '1.0', '1'), event: 'cancel' as 'add' }],
        [],
        '',
      ),
    ],
    ['an empty order_id', value('snapshot', [order('', '1.0', '1')], [], '')],
    [
      'a NaN limit_price',
      value(
        'snapshot',
        [{ ...order('x', '1.0', '1'), limit_price: Number.NaN }],
        [],
        '',
      ),
    ],
    [
      'a bad order_qty_text',
      value(
        'snapshot',
        [{ ...order('x', '1.0', '1'), order_qty_text: 'one' }],
        [],
        '',
      ),
    ],
    [
      'a numeric timestamp',
      value(
        'snapshot',
        [{ ...order('x', '1.0', '1'), timestamp: 5 as unknown as string }],
        [],
        '',
      ),
    ],
  ]
  for (const [name, input] of cases)
    test(`error: ${name} never throws and desyncs the book`, () => {
      const book = smallBook()
      expect(book.apply(input as L3ValueInput)).toMatchObject({
        ok: false,
        reason: 'invalid-input',
      })
      expect(book.inSync).toBe(false)
    })
})

test('error: a depth level3 does not offer', () => {
  expect(() => createL3Book({ symbol: 'BTC/USD', depth: 25 })).toThrow(
    BookOptionsError,
  )
})

test('error: readers cannot change orders', () => {
  const book = smallBook()
  const [first] = book.asks.orders(11)
  expect(() => {
    ;(first as { order_qty: number }).order_qty = 9
  }).toThrow(TypeError)
  expect(book.asks.best?.qty).toBe(3)
})
