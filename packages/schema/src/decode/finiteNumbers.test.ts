import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodeOutcome as outcome } from '../testing/decodeOutcome.js'
import { receivedFrames } from '../testing/fixtures.js'
import { decodeMessage } from './decodeMessage.js'
import { decodeSlow } from './slowPath.js'
import type { DecodeResult } from './types.js'

// Number literals that JSON.parse reads as Infinity or -Infinity.
const HUGE = ['1e400', '-1E+999', '9'.repeat(10_000), `-${'1'.repeat(400)}.25`]

/** Where each number literal of a frame's text is (outside strings). */
function numberLiterals(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = []
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const match = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i))
      const length = match?.[0].length ?? 1
      found.push({ start: i, end: i + length })
      i += length - 1
    }
  }
  return found
}

/** Every number anywhere in a decoded value that is not finite. */
function nonFinite(value: unknown): number[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [value]
  if (typeof value !== 'object' || value === null) return []
  return Object.values(value).flatMap(nonFinite)
}

function decodedValues(result: DecodeResult): unknown[] {
  return result.ok ? result.responses.map((r) => r.value) : []
}

/** Every received frame with one of its number literals made huge. */
const withHugeNumber = fc
  .record({
    frame: fc.constantFrom(
      ...receivedFrames.filter((f) => numberLiterals(f.text).length > 0),
    ),
    pick: fc.nat(),
    huge: fc.constantFrom(...HUGE),
  })
  .map(({ frame, pick, huge }) => {
    const literals = numberLiterals(frame.text)
    const { start, end } = literals[pick % literals.length] as {
      start: number
      end: number
    }
    return {
      channel: frame.channel_or_method,
      text: frame.text.slice(0, start) + huge + frame.text.slice(end),
    }
  })

describe('a number too large for a double is refused on every channel', () => {
  // A generous limit: the default 5 s is too short on a busy shared machine.
  test('behavior: no decoded value holds Infinity, and both paths agree', () => {
    const refusedOn = new Set<string>()
    fc.assert(
      fc.property(withHugeNumber, ({ channel, text }) => {
        const result = decodeMessage(text)
        expect(outcome(result)).toEqual(outcome(decodeSlow(text)))
        expect(decodedValues(result).flatMap(nonFinite)).toEqual([])
        const issues = result.ok ? result.errors : result.error.issues
        if (issues.some((i) => /finite/.test(i.message))) refusedOn.add(channel)
      }),
      { numRuns: 1000 },
    )
    // The refusal must have been seen on every channel with a money field
    // (on integers such as `req_id`, valibot's integer check refuses first).
    for (const channel of [
      'ticker',
      'trade',
      'book',
      'level3',
      'ohlc',
      'executions',
      'balances',
      'instrument',
    ])
      expect(refusedOn, channel).toContain(channel)
  }, 120_000)

  test('example: a ticker number with 10,000 digits, with a clear error', () => {
    const text = `{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":1,"bid_qty":1,"ask":1,"ask_qty":1,"last":${'7'.repeat(10_000)},"volume":1,"vwap":1,"low":1,"high":1,"change":1,"change_pct":1}]}`
    const result = decodeMessage(text)
    if (result.ok) throw new Error('decoded a ticker whose last is Infinity')
    expect(result.error.path).toBe('data[0].last')
    expect(result.error.message).toMatch(/data\[0\]\.last/)
    expect(result.error.issues[0]?.message).toMatch(
      /Expected a finite number but received Infinity/,
    )
  })

  test('example: one bad book level of two symbols fails that symbol only', () => {
    const item = (symbol: string, price: string) =>
      `{"symbol":"${symbol}","bids":[{"price":1.5,"qty":2.00}],"asks":[{"price":${price},"qty":0.5}],"checksum":7}`
    const text = `{"channel":"book","type":"update","data":[${item('BTC/USD', '-1e999')},${item('ETH/USD', '2.5')}]}`
    const result = decodeMessage(text)
    if (!result.ok) throw new Error('the good symbol should decode')
    expect(result.responses.map((r) => r.value)).toMatchObject([
      { symbol: 'ETH/USD' },
    ])
    expect(result.errors).toMatchObject([
      {
        path: 'data[0].asks[0].price',
        message: expect.stringMatching(/received -Infinity/),
      },
    ])
  })

  test('example: a tiny literal is finite (zero) and decodes', () => {
    const text =
      '{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1e-400,"qty":1}],"asks":[],"checksum":7}]}'
    const result = decodeMessage(text)
    expect(result.ok && result.responses[0]?.value).toMatchObject({
      bids: [{ price: 0, price_text: '1e-400' }],
    })
  })
})
