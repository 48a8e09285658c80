import type { TickerUpdateResponse } from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { TickerState } from './tickerState.js'

const ticker = (
  symbol: string,
  last: number,
  timestamp?: string,
): TickerUpdateResponse => ({
  channel: 'ticker',
  type: 'update',
  symbol,
  bid: last - 1,
  bid_qty: 1,
  ask: last + 1,
  ask_qty: 1,
  last,
  volume: 1,
  vwap: last,
  low: last,
  high: last,
  change: 0,
  change_pct: 0,
  ...(timestamp === undefined ? {} : { timestamp }),
})

describe('TickerState', () => {
  test('default: the latest value per symbol, with timestamp_ms when Kraken sent a timestamp', () => {
    const state = new TickerState()
    expect(state.get('BTC/USD')).toBeUndefined()
    state.apply(ticker('BTC/USD', 1, '2026-01-01T00:00:00.5Z'))
    state.apply(ticker('BTC/USD', 2, '2026-01-01T00:00:01.5Z'))
    state.apply(ticker('ETH/USD', 3))
    expect(state.get('BTC/USD')).toMatchObject({
      last: 2,
      timestamp: '2026-01-01T00:00:01.5Z',
      timestamp_ms: Date.UTC(2026, 0, 1, 0, 0, 1) + 500,
    })
    expect(state.get('ETH/USD')?.last).toBe(3)
    expect(state.get('ETH/USD')).not.toHaveProperty('timestamp_ms')
    expect([...state.all.keys()]).toEqual(['BTC/USD', 'ETH/USD'])
  })

  test('behavior: a ticker read twice is the same object until the next value', () => {
    const state = new TickerState()
    state.apply(ticker('BTC/USD', 1, '2026-01-01T00:00:00Z'))
    const first = state.get('BTC/USD')
    expect(state.get('BTC/USD')).toBe(first)
    state.apply(ticker('BTC/USD', 2, '2026-01-01T00:00:01Z'))
    expect(state.get('BTC/USD')).not.toBe(first)
    expect(state.get('BTC/USD')?.last).toBe(2)
  })

  test('behavior: first() resolves at once with the latest, or with the next value', async () => {
    const state = new TickerState()
    const waiting = state.first('BTC/USD')
    state.apply(ticker('BTC/USD', 5, '2026-01-01T00:00:00Z'))
    await expect(waiting).resolves.toMatchObject({
      last: 5,
      timestamp_ms: Date.UTC(2026, 0, 1),
    })
    await expect(state.first('BTC/USD')).resolves.toMatchObject({ last: 5 })
  })

  test('error: stop() rejects a waiting first()', async () => {
    const state = new TickerState()
    const waiting = state.first('SOL/USD')
    state.stop(new Error('stopped'))
    await expect(waiting).rejects.toThrow('stopped')
  })
})
