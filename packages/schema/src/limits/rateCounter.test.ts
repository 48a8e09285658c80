import { describe, expect, test } from 'vitest'
import { createRateCounter } from './rateCounter.js'
import { RATE_TIERS } from './rateTiers.js'

function clock(start = 1_000_000) {
  let time = start
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms
    },
  }
}

describe('createRateCounter', () => {
  test('default', () => {
    const counter = createRateCounter({ now: clock().now })
    expect(counter.limits).toBe(RATE_TIERS.starter)
    expect(counter.maxRateCount).toBe(60)
    expect(counter.charge('BTC/USD', { type: 'add' })).toEqual({
      ok: true,
      count: 1,
      cost: 1,
    })
    expect(counter.count('BTC/USD')).toBe(1)
    expect(counter.count('ETH/USD')).toBe(0)
  })

  test('behavior: tiers set the threshold', () => {
    expect(createRateCounter({ tier: 'intermediate' }).maxRateCount).toBe(125)
    expect(createRateCounter({ tier: 'pro' }).maxRateCount).toBe(180)
    expect(createRateCounter({ tier: 'pro' }).limits.maxOpenOrders).toBe(225)
  })

  test('behavior: the counter decays per second by the tier rate', () => {
    const time = clock()
    const counter = createRateCounter({ tier: 'pro', now: time.now })
    for (let i = 0; i < 10; i++) counter.charge('BTC/USD', { type: 'add' })
    time.advance(2_000)
    expect(counter.count('BTC/USD')).toBeCloseTo(10 - 7.5)
    time.advance(10_000)
    expect(counter.count('BTC/USD')).toBe(0)
  })

  test('error: refuses a transaction that would pass the threshold', () => {
    const time = clock()
    const counter = createRateCounter({ now: time.now })
    for (let i = 0; i < 60; i++)
      expect(counter.charge('BTC/USD', { type: 'add' }).ok).toBe(true)
    expect(counter.wouldExceed('BTC/USD', { type: 'add' })).toBe(true)
    expect(counter.charge('BTC/USD', { type: 'add' })).toEqual({
      ok: false,
      count: 60,
      cost: 1,
    })
    // Other pairs have their own counter.
    expect(counter.charge('ETH/USD', { type: 'add' }).ok).toBe(true)
    time.advance(1_000)
    expect(counter.charge('BTC/USD', { type: 'add' }).ok).toBe(true)
  })

  test('behavior: a young cancel costs more than an old one', () => {
    const counter = createRateCounter({ now: clock().now })
    expect(
      counter.charge('BTC/USD', { type: 'cancel', ageMs: 500 }).count,
    ).toBe(8)
    expect(
      counter.charge('BTC/USD', { type: 'cancel', ageMs: 400_000 }).count,
    ).toBe(8)
    counter.reset()
    expect(counter.count('BTC/USD')).toBe(0)
  })
})
