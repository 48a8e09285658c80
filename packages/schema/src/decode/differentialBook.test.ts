import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodeOutcome as outcome } from '../testing/decodeOutcome.js'
import { numberLiteral } from '../testing/numberLiterals.js'
import { decodeBookText } from './bookText.js'
import { decodeMessage } from './decodeMessage.js'
import { decodeFast } from './fastPath.js'
import { decodeSlow } from './slowPath.js'

// Book frames written as text, so that the literals keep what JSON.stringify
// would lose: trailing zeros, exponents, '-0', and odd layouts.

type Level = { price: string; qty: string }
const level = fc.record({ price: numberLiteral, qty: numberLiteral })

/** Kraken's layout of a level. */
const kraken = (l: Level) => `{"price":${l.price},"qty":${l.qty}}`

/** Layouts the fast path refuses (the slow path must still agree). */
const odd = fc.constantFrom<(l: Level) => string>(
  (l) => `{"qty":${l.qty},"price":${l.price}}`,
  (l) => `{"price": ${l.price}, "qty": ${l.qty}}`,
  (l) => `{"price" :${l.price},"qty":${l.qty}}`,
  (l) => `{"price":${l.price},"qty":${l.qty},"qty":${l.price}}`,
  (l) => `{"price":"${l.price}","qty":${l.qty}}`,
)

const item = fc
  .record({
    bids: fc.array(level, { maxLength: 60 }),
    asks: fc.array(level, { maxLength: 60 }),
    asksFirst: fc.constantFrom(false, false, false, true),
    extra: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constantFrom(
          '',
          ',"timestamp":"2023-07-30T15:29:58.343415Z"',
          ',"note":"qty"',
        ),
      },
      {
        weight: 1,
        // Refused by the fast path: a stray level, a duplicate key, an escape.
        arbitrary: fc.constantFrom(
          ',"note":{"price":1.0,"qty":2}',
          ',"bids":[]',
          ',"note":"price\\"\\u0020"',
        ),
      },
    ),
  })
  .chain((i) =>
    fc.record({
      item: fc.constant(i),
      layout: fc.oneof(
        { weight: 8, arbitrary: fc.constant(kraken) },
        { weight: 1, arbitrary: odd },
      ),
    }),
  )
  .map(({ item: i, layout: write }) => {
    const side = (name: string, levels: Level[]) =>
      `"${name}":[${levels.map(write).join(',')}]`
    const sides = i.asksFirst
      ? [side('asks', i.asks), side('bids', i.bids)]
      : [side('bids', i.bids), side('asks', i.asks)]
    return {
      text: `{"symbol":"BTC/USD",${sides.join(',')},"checksum":3547452596${i.extra}}`,
      // The texts each level must carry, where the layout keeps them.
      expected:
        write === kraken
          ? {
              // A later duplicate key wins, as in JSON.parse.
              bids: i.extra === ',"bids":[]' ? [] : i.bids,
              asks: i.asks,
            }
          : undefined,
    }
  })

const bookFrame = fc
  .record({
    type: fc.constantFrom('snapshot', 'update'),
    items: fc.array(item, { minLength: 1, maxLength: 3 }),
    // JSON.parse takes whitespace after the frame; the text reader does not.
    tail: fc.constantFrom('', '', '', '', ' ', '\n'),
  })
  .map(({ type, items, tail }) => ({
    text: `{"channel":"book","type":"${type}","data":[${items.map((i) => i.text).join(',')}]}${tail}`,
    items,
  }))

describe('fast path and schemas agree on book frames written as text', () => {
  test('behavior: same accept, reject and output, texts kept exactly', () => {
    let fast = 0
    let direct = 0
    fc.assert(
      fc.property(bookFrame, ({ text, items }) => {
        const result = decodeMessage(text)
        const slow = outcome(decodeSlow(text))
        expect(outcome(result)).toEqual(slow)
        if (decodeFast(text, JSON.parse(text)) !== undefined) fast++
        const read = decodeBookText(text)
        if (read !== undefined) {
          direct++
          expect(outcome(read)).toEqual(slow)
        }
        if (!result.ok || result.errors.length > 0) return
        result.responses.forEach((response, i) => {
          const value = response.value as {
            bids: { price_text: string; qty_text: string }[]
            asks: { price_text: string; qty_text: string }[]
          }
          const expected = items[i]?.expected
          if (expected === undefined) return
          const texts = (levels: Level[]) =>
            levels.map((l) => ({ price_text: l.price, qty_text: l.qty }))
          expect(value.bids).toMatchObject(texts(expected.bids))
          expect(value.asks).toMatchObject(texts(expected.asks))
        })
      }),
      { numRuns: 1500 },
    )
    // Both fast decoders must have decoded many frames, or this test proves
    // little.
    expect(fast).toBeGreaterThan(500)
    expect(direct).toBeGreaterThan(150)
    // A generous limit: the default 5 s is too short on a busy shared machine.
  }, 120_000)

  test('behavior: a depth-1000 snapshot with exponents and trailing zeros', () => {
    const levels = (side: number) =>
      Array.from({ length: 1000 }, (_, i) => ({
        price: i % 7 === 0 ? `2.94${i}${side}E+4` : `29${side}${i}.10`,
        qty: i % 5 === 0 ? `1${i}e-8` : `0.${String(i).padStart(4, '0')}0000`,
      }))
    const bids = levels(1)
    const asks = levels(2)
    const text = `{"channel":"book","type":"snapshot","data":[{"symbol":"BTC/USD","bids":[${bids.map(kraken).join(',')}],"asks":[${asks.map(kraken).join(',')}],"checksum":1}]}`
    expect(decodeFast(text, JSON.parse(text))).toBeDefined()
    const result = decodeMessage(text)
    expect(outcome(result)).toEqual(outcome(decodeSlow(text)))
    if (!result.ok) throw new Error('snapshot failed to decode')
    const [response] = result.responses
    expect(response?.value).toMatchObject({
      bids: bids.map((l) => ({
        price: Number(l.price),
        qty: Number(l.qty),
        price_text: l.price,
        qty_text: l.qty,
      })),
      asks: asks.map((l) => ({ price_text: l.price, qty_text: l.qty })),
    })
  })
})
