import { describe, expect, test } from 'vitest'
import { paramsKey } from './paramsKey.js'
import { planReplay, type ReplayableIntent } from './replayPlan.js'
import { subscriptionCost } from './subscriptionCost.js'

function intents(
  channel: string,
  params: Record<string, unknown>,
  symbols: (string | undefined)[],
): ReplayableIntent[] {
  return symbols.map((symbol) => ({
    channel,
    symbol,
    params,
    paramsKey: paramsKey(params),
  }))
}

const symbols = (count: number, prefix = 'S') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}/USD`)

describe('planReplay', () => {
  test('default', () => {
    const plan = planReplay([
      ...intents('ticker', {}, ['BTC/USD']),
      ...intents('book', { depth: 10 }, ['BTC/USD']),
      ...intents('ticker', {}, ['ETH/USD']),
      ...intents('book', { depth: 25 }, ['BTC/USD']),
      ...intents('executions', { snap_orders: true }, [undefined]),
    ])
    expect(plan).toEqual([
      {
        channel: 'ticker',
        params: {},
        symbols: ['BTC/USD', 'ETH/USD'],
        cost: 1,
      },
      { channel: 'book', params: { depth: 10 }, symbols: ['BTC/USD'], cost: 1 },
      { channel: 'book', params: { depth: 25 }, symbols: ['BTC/USD'], cost: 1 },
      {
        channel: 'executions',
        params: { snap_orders: true },
        symbols: [],
        cost: 1,
      },
    ])
  })

  test('behavior: max batch size splits a group', () => {
    const plan = planReplay(intents('trade', {}, symbols(5)), {
      maxBatchSize: 2,
    })
    expect(plan.map((batch) => batch.symbols)).toEqual([
      ['S0/USD', 'S1/USD'],
      ['S2/USD', 'S3/USD'],
      ['S4/USD'],
    ])
  })

  test('behavior: level3 batches fit the per-second cost', () => {
    const depth10 = planReplay(intents('level3', { depth: 10 }, symbols(100)))
    expect(depth10.map((batch) => [batch.symbols.length, batch.cost])).toEqual([
      [40, 200],
      [40, 200],
      [20, 100],
    ])
    const depth1000 = planReplay(intents('level3', { depth: 1000 }, symbols(3)))
    expect(
      depth1000.map((batch) => [batch.symbols.length, batch.cost]),
    ).toEqual([
      [2, 200],
      [1, 100],
    ])
  })

  test('error: a symbol that cannot fit, or bad limits', () => {
    expect(() =>
      planReplay(intents('level3', { depth: 1000 }, ['A/USD']), {
        maxBatchCost: 50,
      }),
    ).toThrow(RangeError)
    expect(() => planReplay([], { maxBatchSize: 0 })).toThrow(RangeError)
  })
})

describe('subscriptionCost', () => {
  test('default', () => {
    expect(subscriptionCost('level3', {}, 1)).toBe(5)
    expect(subscriptionCost('level3', { depth: 10 }, 3)).toBe(15)
    expect(subscriptionCost('level3', { depth: 100 }, 2)).toBe(50)
    expect(subscriptionCost('level3', { depth: 1000 }, 1)).toBe(100)
    expect(subscriptionCost('book', { depth: 1000 }, 50)).toBe(1)
  })

  test('behavior: a depth between tiers costs as the next tier', () => {
    expect(subscriptionCost('level3', { depth: 25 }, 1)).toBe(25)
    expect(subscriptionCost('level3', { depth: 5000 }, 1)).toBe(100)
  })
})

describe('paramsKey', () => {
  test('default', () => {
    expect(
      paramsKey({
        channel: 'book',
        symbol: ['A'],
        token: 't',
        req_id: 1,
        snapshot: true,
        depth: 10,
      }),
    ).toBe('{"depth":10,"snapshot":true}')
    expect(paramsKey({ b: { y: 1, x: [2, { d: 1, c: 2 }] }, a: 1n })).toBe(
      '{"a":1,"b":{"x":[2,{"c":2,"d":1}],"y":1}}',
    )
  })
})
