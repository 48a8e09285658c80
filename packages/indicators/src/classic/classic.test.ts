import { describe, expect, test } from 'vitest'
import { IndicatorOptionsError } from '../errors.js'
import { candles, rsiTable } from '../testing/fixtures.js'
import { naiveAtr, naiveEmaSeries, naiveRsi } from '../testing/reference.js'
import { atr, ema, macd, rsi } from './classic.js'

const closes = candles.map((c) => c.close)

/** Relative closeness: these are sums of ~1e5 values. */
function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  )
}

describe('ema', () => {
  test('default: matches the from-scratch EMA from the period-th close on', () => {
    const reference = naiveEmaSeries(closes, 10)
    const indicator = ema(10)
    closes.forEach((x, i) => {
      const result = indicator.add(x)
      if (i < 9) expect(result).toBeNull()
      else expectClose(result, reference[i] ?? Number.NaN)
    })
    expect(indicator.requiredInputs).toBe(10)
  })

  test('error: a period that is not a positive integer', () => {
    expect(() => ema(0)).toThrow(IndicatorOptionsError)
    expect(() => ema(2.5)).toThrow(/period/)
  })
})

describe('rsi', () => {
  test("default: reproduces StockCharts' published RSI(14) table", () => {
    const indicator = rsi(14)
    const published = rsiTable.filter((row) => row.rsi !== null)
    expect(published).toHaveLength(19)
    for (const row of rsiTable) {
      const result = indicator.add(row.close)
      if (row.rsi === null) expect(result).toBeNull()
      else expect(result).toBeCloseTo(row.rsi, 2)
    }
  })

  test("default: matches Wilder's definition on the candle closes", () => {
    const reference = naiveRsi(closes, 14)
    const indicator = rsi(14)
    closes.forEach((x, i) => {
      const result = indicator.add(x)
      const expected = reference[i]
      if (expected === null || expected === undefined) expect(result).toBeNull()
      else expect(result).toBeCloseTo(expected, 9)
    })
  })

  test('behavior: the reference formula agrees with the published table', () => {
    // Guards the reference itself: a wrong naive formula would make the
    // candle comparison above meaningless.
    const reference = naiveRsi(
      rsiTable.map((r) => r.close),
      14,
    )
    rsiTable.forEach((row, i) => {
      if (row.rsi !== null) expect(reference[i]).toBeCloseTo(row.rsi, 2)
    })
  })
})

describe('macd', () => {
  test('default: fast EMA − slow EMA with a signal EMA from the slow-th close', () => {
    const fast = naiveEmaSeries(closes, 12)
    const slow = naiveEmaSeries(closes, 26)
    const line = closes.map((_, i) => (fast[i] ?? 0) - (slow[i] ?? 0))
    const signal = naiveEmaSeries(line.slice(25), 9)
    const indicator = macd()
    closes.forEach((x, i) => {
      const result = indicator.add(x)
      if (i < 25) {
        expect(result).toBeNull()
        return
      }
      const s = signal[i - 25] ?? Number.NaN
      expect(result?.macd).toBeCloseTo(line[i] ?? Number.NaN, 6)
      expect(result?.signal).toBeCloseTo(s, 6)
      expect(result?.histogram).toBeCloseTo((line[i] ?? Number.NaN) - s, 6)
    })
  })

  test('error: bad periods', () => {
    expect(() => macd({ slow: -1 })).toThrow(IndicatorOptionsError)
  })
})

describe('atr', () => {
  test("default: matches Wilder's ATR over the candles", () => {
    const reference = naiveAtr(candles, 14)
    const indicator = atr(14)
    candles.forEach((c, i) => {
      const result = indicator.add(c)
      const expected = reference[i]
      if (expected === null || expected === undefined) expect(result).toBeNull()
      else expectClose(result, expected)
    })
  })
})
