import { describe, expect, test } from 'vitest'
import { candles } from '../testing/fixtures.js'
import { vwap } from './vwap.js'

describe('vwap', () => {
  test("default: Σ(candle vwap · volume) / Σ volume, using Kraken's candle vwap", () => {
    const indicator = vwap()
    candles.forEach((c, i) => {
      const seen = candles.slice(0, i + 1)
      const pv = seen.reduce((a, s) => a + s.vwap * s.volume, 0)
      const v = seen.reduce((a, s) => a + s.volume, 0)
      expect(indicator.add(c)).toBeCloseTo(pv / v, 7)
    })
  })

  test('behavior: typical price when a candle has no vwap', () => {
    const indicator = vwap()
    indicator.add({ open: 1, high: 12, low: 6, close: 9, volume: 2 })
    expect(
      indicator.add({ open: 1, high: 3, low: 3, close: 3, volume: 1 }),
    ).toBe((9 * 2 + 3 * 1) / 3)
  })

  test('behavior: an open candle first seen without trades, then replaced', () => {
    // The case trading-signals' VWAP gets wrong: the zero-volume open candle
    // must be remembered, so its replace takes back only itself.
    const closed = { open: 10, high: 10, low: 10, close: 10, volume: 4 }
    const indicator = vwap()
    indicator.add(closed)
    expect(indicator.add({ ...closed, volume: 0 })).toBe(10)
    expect(
      indicator.replace({ open: 10, high: 20, low: 20, close: 20, volume: 1 }),
    ).toBe((10 * 4 + 20) / 5)
  })

  test('behavior: no volume yet gives no result', () => {
    expect(
      vwap().add({ open: 1, high: 1, low: 1, close: 1, volume: 0 }),
    ).toBeNull()
  })
})
