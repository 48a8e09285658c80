import { describe, expect, test } from 'vitest'
import { atr, rsi } from '../classic/classic.js'
import { vwap } from '../series/vwap.js'
import { type CandleRow, candles } from '../testing/fixtures.js'
import { naiveRsi } from '../testing/reference.js'
import { candleSeries } from './candleSeries.js'

/**
 * How Kraken's ohlc channel shows a candle: re-sent as it grows, each
 * time with the same interval_begin, ending with its final values.
 */
function growing(c: CandleRow): CandleRow[] {
  const early = { ...c, high: c.open, low: c.open, close: c.open, volume: 0 }
  const middle = {
    ...c,
    close: (c.open + c.close) / 2,
    high: Math.max(c.open, (c.open + c.close) / 2),
    low: Math.min(c.open, (c.open + c.close) / 2),
    volume: c.volume / 2,
    vwap: c.open,
  }
  return [early, middle, middle, c]
}

describe('candleSeries', () => {
  test('default: a re-sent open candle is replaced, not added again', () => {
    const series = candleSeries(rsi(14), (c: CandleRow) => c.close)
    const actions: string[] = []
    for (const c of candles)
      for (const version of growing(c))
        actions.push(series.update(version).action)
    const reference = naiveRsi(
      candles.map((c) => c.close),
      14,
    )
    expect(series.result).toBeCloseTo(reference.at(-1) ?? Number.NaN, 9)
    expect(actions.filter((a) => a === 'add')).toHaveLength(candles.length)
    expect(actions.filter((a) => a === 'replace')).toHaveLength(
      candles.length * 3,
    )
  })

  test('behavior: candle indicators (ATR, VWAP) see only final candles', () => {
    const viaUpdates = [
      candleSeries(atr(14), (c: CandleRow) => c),
      candleSeries(vwap(), (c: CandleRow) => c),
    ]
    const direct = [atr(14), vwap()]
    for (const c of candles) {
      for (const version of growing(c))
        for (const s of viaUpdates) s.update(version)
      for (const d of direct) d.add(c)
    }
    viaUpdates.forEach((s, i) => {
      expect(s.result).not.toBeNull()
      expect(s.result).toBeCloseTo(direct[i]?.result ?? Number.NaN, 6)
    })
  })

  test('behavior: a snapshot re-sending closed candles changes nothing', () => {
    const series = candleSeries(rsi(3), (c: CandleRow) => c.close)
    for (const c of candles.slice(0, 10)) series.update(c)
    const before = series.result
    // A resubscribe's snapshot: the last five candles again, open one included.
    const actions = candles.slice(5, 10).map((c) => series.update(c).action)
    expect(actions).toEqual(['ignore', 'ignore', 'ignore', 'ignore', 'replace'])
    expect(series.result).toBe(before)
    expect(series.openBegin).toBe(Date.parse(candles[9]?.interval_begin ?? ''))
  })

  test('behavior: the same instant written differently is the same candle', () => {
    const series = candleSeries(
      rsi(3),
      (c: { interval_begin: string; close: number }) => c.close,
    )
    expect(
      series.update({ interval_begin: '2026-12-01T00:00:00.000000Z', close: 1 })
        .action,
    ).toBe('add')
    expect(
      series.update({ interval_begin: '2026-12-01T00:00:00Z', close: 2 })
        .action,
    ).toBe('replace')
    expect(
      series.update({
        interval_begin: '2026-12-01T00:00:00.000000000Z',
        close: 3,
      }).action,
    ).toBe('replace')
    expect(
      series.update({ interval_begin: '2026-12-01T00:01:00Z', close: 3 })
        .action,
    ).toBe('add')
  })

  test('behavior: an unreadable interval_begin is ignored', () => {
    const series = candleSeries(
      rsi(3),
      (c: { interval_begin: string; close: number }) => c.close,
    )
    expect(
      series.update({ interval_begin: 'yesterday', close: 1 }).action,
    ).toBe('ignore')
    expect(series.openBegin).toBeUndefined()
  })
})
