import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { atr, ema, macd, rsi } from './classic/classic.js'
import { bollinger } from './series/bollinger.js'
import { latest } from './series/latest.js'
import { rollingStats } from './series/rollingStats.js'
import { sma } from './series/sma.js'
import { tradeVwap, vwap } from './series/vwap.js'
import type { StreamingIndicator } from './types.js'

type Op<T> = { readonly replace: boolean; readonly input: T }

/** The samples a sequence of ops leaves: a replace overwrites the last one. */
function effective<T>(ops: readonly Op<T>[]): T[] {
  const out: T[] = []
  for (const op of ops) {
    if (op.replace && out.length > 0) out[out.length - 1] = op.input
    else out.push(op.input)
  }
  return out
}

/** Numbers equal to 1e-9 relative; objects key by key; nulls exactly. */
function expectSame(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    )
    return
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual).toBe('object')
    for (const [key, value] of Object.entries(expected))
      expectSame((actual as Record<string, unknown>)[key], value)
    return
  }
  expect(actual).toBe(expected)
}

/**
 * After every op, the indicator fed with adds and replaces gives what a
 * fresh one gives when fed only the samples those ops leave.
 */
function checkReplace<T>(
  make: () => StreamingIndicator<T, unknown>,
  ops: readonly Op<T>[],
): void {
  const live = make()
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as Op<T>
    const result = op.replace ? live.replace(op.input) : live.add(op.input)
    const fresh = make()
    let expected: unknown = null
    for (const input of effective(ops.slice(0, i + 1)))
      expected = fresh.add(input)
    expectSame(result, expected)
  }
}

const price = fc.double({ min: 50_000, max: 70_000, noNaN: true })
const priceOps = fc.array(fc.record({ replace: fc.boolean(), input: price }), {
  maxLength: 60,
})
const candle = fc
  .tuple(
    price,
    price,
    price,
    // Kraken's volumes: none yet, or at least one satoshi-sized lot.
    fc.oneof(fc.constant(0), fc.double({ min: 1e-8, max: 5, noNaN: true })),
  )
  .map(([a, b, c, volume]) => ({
    open: a,
    high: Math.max(a, b, c),
    low: Math.min(a, b, c),
    close: c,
    volume,
  }))
const candleOps = fc.array(
  fc.record({ replace: fc.boolean(), input: candle }),
  {
    maxLength: 50,
  },
)

/** Ops whose times never go backwards, a replace included. */
function timedOps<T>(make: (x: number, at: number, qty: number) => T) {
  return fc
    .array(
      fc.record({
        replace: fc.boolean(),
        x: price,
        step: fc.integer({ min: 0, max: 4_000 }),
        qty: fc.double({ min: 1e-8, max: 5, noNaN: true }),
      }),
      { maxLength: 60 },
    )
    .map((raw) => {
      let at = 1_700_000_000_000
      return raw.map(({ replace, x, step, qty }) => {
        at += step
        return { replace, input: make(x, at, qty) }
      })
    })
}

const numRuns = 60

describe('replace, then add, equals add', () => {
  const scalar: [string, () => StreamingIndicator<number, unknown>][] = [
    ['sma', () => sma(5)],
    ['ema', () => ema(5)],
    ['rsi', () => rsi(5)],
    ['macd', () => macd({ fast: 3, slow: 6, signal: 4 })],
    ['bollinger', () => bollinger({ period: 5 })],
    ['latest', () => latest()],
  ]
  for (const [name, make] of scalar)
    test(`behavior: ${name}`, () => {
      fc.assert(
        fc.property(priceOps, (ops) => checkReplace(make, ops)),
        { numRuns },
      )
    })

  test('behavior: atr', () => {
    fc.assert(
      fc.property(candleOps, (ops) => checkReplace(() => atr(4), ops)),
      { numRuns },
    )
  })

  test('behavior: vwap', () => {
    fc.assert(
      fc.property(candleOps, (ops) => checkReplace(vwap, ops)),
      { numRuns },
    )
  })

  test('behavior: rollingStats', () => {
    fc.assert(
      fc.property(
        timedOps((value, at) => ({ value, at })),
        (ops) => checkReplace(() => rollingStats({ window: 10_000 }), ops),
      ),
      { numRuns },
    )
  })

  test('behavior: tradeVwap', () => {
    fc.assert(
      fc.property(
        timedOps((p, at, qty) => ({ price: p, qty, at })),
        (ops) => checkReplace(() => tradeVwap({ window: 10_000 }), ops),
      ),
      { numRuns },
    )
  })

  test('behavior: the check sees a replace that adds', () => {
    // Guards the property itself: an indicator whose replace adds must fail.
    const adding = (): StreamingIndicator<number, unknown> => {
      const inner = sma(3)
      return {
        requiredInputs: 3,
        get result() {
          return inner.result
        },
        add: (x) => inner.add(x),
        replace: (x) => inner.add(x),
      }
    }
    expect(() =>
      checkReplace(adding, [
        { replace: false, input: 1 },
        { replace: false, input: 2 },
        { replace: false, input: 3 },
        { replace: true, input: 4 },
      ]),
    ).toThrow()
  })
})
