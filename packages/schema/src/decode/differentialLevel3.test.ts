import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { decodeOutcome as outcome } from '../testing/decodeOutcome.js'
import { framesFor } from '../testing/fixtures.js'
import { numberLiteral } from '../testing/numberLiterals.js'
import { decodeMessage } from './decodeMessage.js'
import { decodeFast } from './fastPath.js'
import { decodeSlow } from './slowPath.js'

// Property runs are bounded by numRuns; a generous time limit keeps them
// from failing on a busy shared machine, where 5 s is not enough.
vi.setConfig({ testTimeout: 120_000 })

// Level3 frames written as text, so that the literals keep what
// JSON.stringify would lose: trailing zeros, exponents, '-0', odd layouts.

type Order = {
  event: string
  id: string
  price: string
  qty: string
  time: string
}

const order = fc.record({
  event: fc.constantFrom('add', 'modify', 'delete'),
  id: fc.stringMatching(/^O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$/),
  price: numberLiteral,
  qty: numberLiteral,
  time: fc.constantFrom(
    '2023-10-06T18:21:00.097010033Z',
    '2024-01-08T12:26:39.526146327Z',
    '2024-01-08T12:26:39Z',
  ),
})

/** How an order is written; `keepsTexts` when its texts survive decoding. */
type Layout = {
  readonly write: (o: Order, update: boolean) => string
  readonly keepsTexts: boolean
}

const eventOf = (o: Order, update: boolean) =>
  update ? `"event":"${o.event}",` : ''

/** Kraken's layout: `event` on updates only. */
const kraken: Layout = {
  write: (o, update) =>
    `{${eventOf(o, update)}"order_id":"${o.id}","limit_price":${o.price},"order_qty":${o.qty},"timestamp":"${o.time}"}`,
  keepsTexts: true,
}

/** Layouts the fast path refuses (the slow path must still agree). */
const odd = fc.constantFrom<Layout>(
  {
    write: (o, u) =>
      `{${eventOf(o, u)}"order_id":"${o.id}","order_qty":${o.qty},"limit_price":${o.price},"timestamp":"${o.time}"}`,
    keepsTexts: true,
  },
  {
    write: (o, u) =>
      `{${eventOf(o, u)}"order_id": "${o.id}", "limit_price": ${o.price}, "order_qty": ${o.qty}, "timestamp": "${o.time}"}`,
    keepsTexts: true,
  },
  {
    write: (o, u) =>
      `{${eventOf(o, u)}"order_id":"${o.id}","limit_price" :${o.price},"order_qty":${o.qty},"timestamp":"${o.time}"}`,
    keepsTexts: true,
  },
  {
    // `event` after the id: the schema takes it, Kraken never sends it.
    write: (o, u) =>
      `{"order_id":"${o.id}",${eventOf(o, u)}"limit_price":${o.price},"order_qty":${o.qty},"timestamp":"${o.time}"}`,
    keepsTexts: true,
  },
  {
    // A snapshot order with `event`, an update order without.
    write: (o, u) =>
      `{${eventOf(o, !u)}"order_id":"${o.id}","limit_price":${o.price},"order_qty":${o.qty},"timestamp":"${o.time}"}`,
    keepsTexts: true,
  },
  {
    write: (o, u) =>
      `{${eventOf(o, u)}"order_id":"${o.id}","limit_price":${o.price},"order_qty":${o.qty},"timestamp":"${o.time}","note":1}`,
    keepsTexts: true,
  },
  {
    write: (o, u) =>
      `{${eventOf(o, u)}"order_id":"${o.id}","limit_price":${o.price},"order_qty":${o.qty},"order_qty":${o.price},"timestamp":"${o.time}"}`,
    keepsTexts: false,
  },
  {
    write: (o, u) =>
      `{${eventOf(o, u)}"order_id":"${o.id}","limit_price":"${o.price}","order_qty":${o.qty},"timestamp":"${o.time}"}`,
    keepsTexts: false,
  },
  {
    // Not an event the schema knows.
    write: (o) =>
      `{"event":"cancel","order_id":"${o.id}","limit_price":${o.price},"order_qty":${o.qty},"timestamp":"${o.time}"}`,
    keepsTexts: false,
  },
)

const STRAY_ORDER =
  '{"order_id":"OX","limit_price":1.0,"order_qty":2,"timestamp":"2024-01-08T12:26:39Z"}'

const item = fc
  .record({
    bids: fc.array(order, { maxLength: 40 }),
    asks: fc.array(order, { maxLength: 40 }),
    asksFirst: fc.boolean(),
    checksumFirst: fc.boolean(),
    extraFirst: fc.boolean(),
    extra: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constantFrom(
          '',
          ',"timestamp":"2023-10-06T18:21:00.097010033Z"',
          ',"note":"order_id"',
        ),
      },
      {
        weight: 1,
        // Refused by the fast path: a stray order, a duplicate key, an escape.
        arbitrary: fc.constantFrom(
          `,"note":${STRAY_ORDER}`,
          `,"note":[{"a":1},${STRAY_ORDER}]`,
          `,"note":{"bids":[${STRAY_ORDER}]}`,
          ',"bids":[]',
          ',"note":"order_id\\"\\u0020"',
        ),
      },
    ),
    layout: fc.oneof(
      { weight: 8, arbitrary: fc.constant(kraken) },
      { weight: 1, arbitrary: odd },
    ),
  })
  .map((i) => (update: boolean) => {
    const side = (name: string, orders: Order[]) =>
      `"${name}":[${orders.map((o) => i.layout.write(o, update)).join(',')}]`
    const sides = i.asksFirst
      ? [side('asks', i.asks), side('bids', i.bids)]
      : [side('bids', i.bids), side('asks', i.asks)]
    const head = i.checksumFirst
      ? '"checksum":2841398499,"symbol":"BTC/USD"'
      : '"symbol":"BTC/USD","checksum":2841398499'
    // Extras start with a comma: moved to the front, it goes after them.
    const text =
      i.extraFirst && i.extra !== ''
        ? `{${i.extra.slice(1)},${head},${sides.join(',')}}`
        : `{${head},${sides.join(',')}${i.extra}}`
    return {
      text,
      // The texts each order must carry, where the layout keeps them.
      expected: i.layout.keepsTexts
        ? {
            // A later duplicate key wins, as in JSON.parse.
            bids: i.extra === ',"bids":[]' && !i.extraFirst ? [] : i.bids,
            asks: i.asks,
          }
        : undefined,
    }
  })

const level3Frame = fc
  .record({
    type: fc.constantFrom('snapshot', 'update'),
    items: fc.array(item, { minLength: 1, maxLength: 3 }),
  })
  .map(({ type, items }) => {
    const written = items.map((write) => write(type === 'update'))
    return {
      text: `{"channel":"level3","type":"${type}","data":[${written.map((i) => i.text).join(',')}]}`,
      items: written,
    }
  })

const texts = (orders: Order[]) =>
  orders.map((o) => ({ limit_price_text: o.price, order_qty_text: o.qty }))

describe('fast path and schemas agree on level3 frames written as text', () => {
  test('behavior: same accept, reject and output, texts kept exactly', () => {
    let fast = 0
    fc.assert(
      fc.property(level3Frame, ({ text, items }) => {
        const result = decodeMessage(text)
        expect(outcome(result)).toEqual(outcome(decodeSlow(text)))
        if (decodeFast(text, JSON.parse(text)) !== undefined) fast++
        if (!result.ok || result.errors.length > 0) return
        result.responses.forEach((response, i) => {
          const value = response.value as {
            bids: { limit_price_text: string; order_qty_text: string }[]
            asks: { limit_price_text: string; order_qty_text: string }[]
          }
          const expected = items[i]?.expected
          if (expected === undefined) return
          expect(value.bids).toMatchObject(texts(expected.bids))
          expect(value.asks).toMatchObject(texts(expected.asks))
        })
      }),
      { numRuns: 1500 },
    )
    // The fast path must have decoded many frames, or this test proves little.
    expect(fast).toBeGreaterThan(500)
  })

  test("behavior: Kraken's level3 frames take the fast path", () => {
    const frames = framesFor('level3')
    expect(frames.length).toBeGreaterThan(1)
    for (const text of frames) {
      expect(decodeFast(text, JSON.parse(text))).toBeDefined()
      expect(outcome(decodeMessage(text))).toEqual(outcome(decodeSlow(text)))
    }
  })

  test('behavior: a 2000-order snapshot with exponents and trailing zeros', () => {
    const orders = (side: number): Order[] =>
      Array.from({ length: 1000 }, (_, i) => ({
        event: 'add',
        id: `O${side}-${i}`,
        price: i % 7 === 0 ? `4.49${i}${side}E+4` : `449${side}${i}.10`,
        qty: i % 5 === 0 ? `1${i}e-8` : `0.${String(i).padStart(4, '0')}0000`,
        time: '2024-01-08T12:26:39.526146327Z',
      }))
    const bids = orders(1)
    const asks = orders(2)
    const write = (list: Order[]) =>
      list.map((o) => kraken.write(o, false)).join(',')
    const text = `{"channel":"level3","type":"snapshot","data":[{"symbol":"BTC/USD","checksum":1,"bids":[${write(bids)}],"asks":[${write(asks)}]}]}`
    expect(decodeFast(text, JSON.parse(text))).toBeDefined()
    const result = decodeMessage(text)
    expect(outcome(result)).toEqual(outcome(decodeSlow(text)))
    if (!result.ok) throw new Error('snapshot failed to decode')
    const [response] = result.responses
    expect(response?.value).toMatchObject({
      bids: bids.map((o) => ({
        order_id: o.id,
        limit_price: Number(o.price),
        order_qty: Number(o.qty),
        limit_price_text: o.price,
        order_qty_text: o.qty,
      })),
      asks: texts(asks),
    })
  })
})
