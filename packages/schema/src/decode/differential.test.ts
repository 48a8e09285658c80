import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { receivedFrames } from '../testing/fixtures.js'
import { decodeMessage } from './decodeMessage.js'
import { decodeSlow } from './slowPath.js'
import type { DecodeResult } from './types.js'

// Property runs are bounded by numRuns; a generous time limit keeps them
// from failing on a busy shared machine, where 5 s is not enough.
vi.setConfig({ testTimeout: 120_000 })

/** What must agree between the fast and the slow path. */
function outcome(result: DecodeResult) {
  return result.ok
    ? {
        ok: true,
        responses: result.responses.map((r) => [r.name, r.value]),
        errors: result.errors,
      }
    : { ok: false, path: result.error.path, issues: result.error.issues }
}

const hot = receivedFrames.filter((f) =>
  /^(ticker|trade|book|level3|ohlc|heartbeat)$/.test(f.channel_or_method),
)

type Json = unknown

/** Replaces, deletes or retypes one value somewhere inside a frame. */
function mutate(
  value: Json,
  path: number[],
  replacement: Json,
  remove: boolean,
): Json {
  if (typeof value !== 'object' || value === null) return replacement
  const entries = Object.entries(value)
  if (entries.length === 0) return replacement
  const [head = 0, ...rest] = path
  const index = head % entries.length
  const copy: Record<string, Json> | Json[] = Array.isArray(value)
    ? [...value]
    : { ...value }
  const [key, child] = entries[index] as [string, Json]
  if (rest.length === 0 || typeof child !== 'object' || child === null) {
    if (remove && !Array.isArray(copy)) delete copy[key]
    else (copy as Record<string, Json>)[key] = replacement
  } else
    (copy as Record<string, Json>)[key] = mutate(
      child,
      rest,
      replacement,
      remove,
    )
  return copy
}

const replacement = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    'snapshot',
    'update',
    'buy',
    'sell',
    'ticker',
    'book',
    'add',
    'delete',
    '2024-05-27T12:33:10.826003Z',
    1.5,
    0,
    -1,
    4294967296,
  ),
)

/** A real hot frame with one value mutated, written back as JSON text. */
const mutatedHotFrame = fc
  .record({
    frame: fc.constantFrom(...hot.map((f) => f.text)),
    path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    replacement,
    remove: fc.boolean(),
  })
  .map(({ frame, path, replacement, remove }) =>
    JSON.stringify(mutate(JSON.parse(frame), path, replacement, remove)),
  )

describe('fast path and schemas agree', () => {
  test('behavior: on every real hot frame', () => {
    for (const { text } of hot)
      expect(outcome(decodeMessage(text))).toEqual(outcome(decodeSlow(text)))
  })

  test('behavior: on mutated real frames (accept, reject and output)', () => {
    fc.assert(
      fc.property(mutatedHotFrame, (text) => {
        expect(outcome(decodeMessage(text))).toEqual(outcome(decodeSlow(text)))
      }),
      { numRuns: 3000 },
    )
  })

  test('behavior: on arbitrary objects on hot channels', () => {
    const frame = fc.record({
      channel: fc.constantFrom(
        'ticker',
        'trade',
        'book',
        'level3',
        'ohlc',
        'heartbeat',
      ),
      type: fc.constantFrom('snapshot', 'update'),
      data: fc.array(
        fc.dictionary(
          fc.constantFrom(
            'symbol',
            'bids',
            'asks',
            'price',
            'qty',
            'checksum',
            'bid',
            'timestamp',
            'order_id',
            'limit_price',
            'order_qty',
            'event',
          ),
          fc.jsonValue(),
        ),
      ),
    })
    fc.assert(
      fc.property(frame, (value) => {
        const text = JSON.stringify(value)
        expect(outcome(decodeMessage(text))).toEqual(outcome(decodeSlow(text)))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('decodeMessage never throws', () => {
  test('behavior: on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (text) => typeof decodeMessage(text).ok === 'boolean',
      ),
    )
  })

  test('behavior: on arbitrary JSON', () => {
    fc.assert(
      fc.property(
        fc.json(),
        (text) => typeof decodeMessage(text).ok === 'boolean',
      ),
      { numRuns: 2000 },
    )
  })

  test('behavior: on mutated real frames of every kind', () => {
    const any = fc
      .record({
        frame: fc.constantFrom(...receivedFrames.map((f) => f.text)),
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        replacement,
        remove: fc.boolean(),
      })
      .map(({ frame, path, replacement, remove }) =>
        JSON.stringify(mutate(JSON.parse(frame), path, replacement, remove)),
      )
    fc.assert(
      fc.property(any, (text) => typeof decodeMessage(text).ok === 'boolean'),
      { numRuns: 2000 },
    )
  })

  test('behavior: on truncated real frames', () => {
    const cut = fc
      .record({
        frame: fc.constantFrom(...receivedFrames.map((f) => f.text)),
        at: fc.nat(),
      })
      .map(({ frame, at }) => frame.slice(0, at % frame.length))
    fc.assert(fc.property(cut, (text) => decodeMessage(text).ok === false))
  })
})
