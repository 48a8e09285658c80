import { describe, expect, test } from 'vitest'
import { IndicatorOptionsError } from '../errors.js'
import { trades } from '../testing/fixtures.js'
import { populationStd } from '../testing/reference.js'
import { rollingStats } from './rollingStats.js'
import { tradeVwap } from './vwap.js'

/** The trades inside the window that ends at trade `i` (naive filter). */
const windowAt = (i: number, window: number) => {
  const end = trades[i]?.at ?? 0
  return trades.slice(0, i + 1).filter((t) => t.at > end - window)
}

describe('rollingStats', () => {
  test('default: mean, std and z-score of the last 10 s of trade prices', () => {
    const indicator = rollingStats({ window: 10_000 })
    trades.forEach((t, i) => {
      const result = indicator.add({ value: t.price, at: t.at })
      const prices = windowAt(i, 10_000).map((w) => w.price)
      const mean = prices.reduce((a, b) => a + b, 0) / prices.length
      const std = populationStd(prices)
      expect(result?.count).toBe(prices.length)
      expect(result?.mean).toBeCloseTo(mean, 8)
      expect(result?.std).toBeCloseTo(std, 7)
      if (std > 1e-9)
        expect(result?.zscore).toBeCloseTo((t.price - mean) / std, 6)
      else expect(result?.zscore ?? 0).toBeCloseTo(0, 6)
    })
  })

  test('behavior: the window is time, not a count', () => {
    const indicator = rollingStats({ window: 1_000 })
    indicator.add({ value: 1, at: 0 })
    indicator.add({ value: 2, at: 500 })
    expect(indicator.add({ value: 3, at: 900 })?.count).toBe(3)
    // At 1 500, samples at or before 500 have left.
    const result = indicator.add({ value: 5, at: 1_500 })
    expect(result?.count).toBe(2)
    expect(result?.mean).toBe(4)
    expect(result?.zscore).toBe(1)
  })

  test('behavior: a late sample counts at the latest time', () => {
    const indicator = rollingStats({ window: 1_000 })
    indicator.add({ value: 1, at: 5_000 })
    expect(indicator.add({ value: 3, at: 1_000 })?.count).toBe(2)
  })

  test('behavior: constant values have no z-score', () => {
    const indicator = rollingStats({ window: 1_000 })
    indicator.add({ value: 7, at: 0 })
    expect(indicator.add({ value: 7, at: 1 })).toEqual({
      mean: 7,
      std: 0,
      zscore: null,
      count: 2,
    })
  })

  test('error: bad window', () => {
    expect(() => rollingStats({ window: 0 })).toThrow(IndicatorOptionsError)
    expect(() => tradeVwap({ window: Number.NaN })).toThrow(/window/)
  })
})

describe('tradeVwap', () => {
  test('behavior: a large trade leaving a window of dust leaves no residue', () => {
    const indicator = tradeVwap({ window: 1_000 })
    indicator.add({ price: 51_469.1, qty: 250, at: 0 })
    indicator.add({ price: 50_000.1, qty: 1e-8, at: 600 })
    indicator.add({ price: 50_000.3, qty: 2e-8, at: 800 })
    // At 1 500 the large trade has left: only the two dust trades remain.
    const result = indicator.add({ price: 50_000.2, qty: 1e-8, at: 1_500 })
    const expected =
      (50_000.1 * 1e-8 + 50_000.3 * 2e-8 + 50_000.2 * 1e-8) / 4e-8
    expect(Math.abs((result ?? 0) - expected)).toBeLessThan(1e-9)
  })

  test('default: Σ price·qty / Σ qty of the last 30 s of trades', () => {
    const indicator = tradeVwap({ window: 30_000 })
    trades.forEach((t, i) => {
      const result = indicator.add({ price: t.price, qty: t.qty, at: t.at })
      const inside = windowAt(i, 30_000)
      const pv = inside.reduce((a, w) => a + w.price * w.qty, 0)
      const v = inside.reduce((a, w) => a + w.qty, 0)
      expect(result).toBeCloseTo(pv / v, 7)
    })
  })
})
