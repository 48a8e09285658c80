import { describe, expect, test } from 'vitest'
import { IndicatorOptionsError } from '../errors.js'
import { candles } from '../testing/fixtures.js'
import { naiveSma, populationStd } from '../testing/reference.js'
import { bollinger } from './bollinger.js'
import { sma } from './sma.js'

const closes = candles.map((c) => c.close)

describe('sma', () => {
  test('default: equals the plain mean of the last period closes', () => {
    const reference = naiveSma(closes, 20)
    const indicator = sma(20)
    closes.forEach((x, i) => {
      const expected = reference[i]
      const result = indicator.add(x)
      if (expected === null || expected === undefined) expect(result).toBeNull()
      else expect(result).toBeCloseTo(expected, 8)
    })
    expect(indicator.result).toBeCloseTo(reference.at(-1) ?? Number.NaN, 8)
  })

  test('behavior: period 1 is the latest value', () => {
    const indicator = sma(1)
    expect(indicator.add(3)).toBe(3)
    expect(indicator.add(5)).toBe(5)
    expect(indicator.replace(7)).toBe(7)
  })

  test('error: bad period', () => {
    expect(() => sma(0)).toThrow(IndicatorOptionsError)
  })
})

describe('bollinger', () => {
  test('default: SMA ± 2 population standard deviations', () => {
    const indicator = bollinger()
    closes.forEach((x, i) => {
      const result = indicator.add(x)
      if (i < 19) {
        expect(result).toBeNull()
        return
      }
      const window = closes.slice(i - 19, i + 1)
      const middle = window.reduce((a, b) => a + b, 0) / 20
      const std = populationStd(window)
      expect(result?.middle).toBeCloseTo(middle, 8)
      expect(result?.upper).toBeCloseTo(middle + 2 * std, 7)
      expect(result?.lower).toBeCloseTo(middle - 2 * std, 7)
    })
  })

  test('behavior: small moves on a large price keep their variance', () => {
    // Prices near 1e5 that move by 0.01: a naive Σx² − (Σx)²/n loses this.
    const indicator = bollinger({ period: 50, multiplier: 1 })
    const xs = Array.from({ length: 5_000 }, (_, i) => 100_000 + (i % 7) * 0.01)
    let result = null
    for (const x of xs) result = indicator.add(x)
    const std = populationStd(xs.slice(-50))
    expect((result?.upper ?? 0) - (result?.middle ?? 0)).toBeCloseTo(std, 9)
  })

  test('error: bad multiplier', () => {
    expect(() => bollinger({ multiplier: 0 })).toThrow(/multiplier/)
  })
})
