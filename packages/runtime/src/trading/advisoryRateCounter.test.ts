import { describe, expect, test } from 'vitest'
import {
  createAdvisoryRateCounter,
  type RateTransactionLike,
} from './advisoryRateCounter.js'

// A test cost model (the real one lives in @kraken-sockets/schema): adds cost 1, cancels 8.
const cost = (t: RateTransactionLike) => (t.type === 'cancel' ? 8 : 1)
const tiers = [
  { decayPerSecond: 1, threshold: 60 },
  { decayPerSecond: 2.34, threshold: 125 },
  { decayPerSecond: 3.75, threshold: 180 },
]

describe('createAdvisoryRateCounter', () => {
  test('default', () => {
    let now = 0
    const counter = createAdvisoryRateCounter({ cost, tiers, now: () => now })
    expect(counter.threshold).toBe(60)
    expect(counter.charge('BTC/USD', { type: 'add' })).toEqual({
      ok: true,
      count: 1,
      cost: 1,
    })
    expect(counter.charge('BTC/USD', { type: 'cancel', ageMs: 1_000 })).toEqual(
      { ok: true, count: 9, cost: 8 },
    )
    now = 4_000
    expect(counter.count('BTC/USD')).toBe(5)
    expect(counter.count('ETH/USD')).toBe(0)
    now = 60_000
    expect(counter.count('BTC/USD')).toBe(0)
  })

  test('behavior: the tier follows maxratecount from the executions ack', () => {
    let now = 0
    const counter = createAdvisoryRateCounter({ cost, tiers, now: () => now })
    counter.setMaxRateCount(180)
    expect(counter.threshold).toBe(180)
    counter.correct('BTC/USD', 100)
    now = 2_000
    expect(counter.count('BTC/USD')).toBe(92.5)
    counter.setMaxRateCount(150)
    expect(counter.threshold).toBe(150)
    expect(counter.count('BTC/USD')).toBeCloseTo(100 - 2 * 2.34, 10)
  })

  test('behavior: warn mode charges and warns past the threshold', () => {
    const counter = createAdvisoryRateCounter({ cost, tiers, now: () => 0 })
    counter.correct('BTC/USD', 55)
    const verdict = counter.charge('BTC/USD', { type: 'cancel', ageMs: 0 })
    expect(verdict).toEqual({
      ok: true,
      count: 63,
      cost: 8,
      warning:
        'cancel on BTC/USD would raise the trading rate counter to 63, above 60 (maxratecount)',
    })
    expect(counter.count('BTC/USD')).toBe(63)
  })

  test('error: refuse mode refuses without charging', () => {
    const counter = createAdvisoryRateCounter({
      cost,
      tiers,
      mode: 'refuse',
      now: () => 0,
    })
    counter.correct('BTC/USD', 59)
    expect(counter.charge('BTC/USD', { type: 'add' })).toMatchObject({
      ok: true,
      count: 60,
    })
    expect(counter.charge('BTC/USD', { type: 'add' })).toMatchObject({
      ok: false,
      count: 60,
      cost: 1,
    })
    expect(counter.count('BTC/USD')).toBe(60)
    counter.reset()
    expect(counter.count('BTC/USD')).toBe(0)
  })

  test('error: needs at least one tier', () => {
    expect(() => createAdvisoryRateCounter({ cost, tiers: [] })).toThrow(
      RangeError,
    )
  })
})
