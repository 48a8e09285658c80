import { expect, test } from 'vitest'
import { DEFAULT_PAIRS } from './instruments.js'
import { createMarket } from './market.js'

const clock = () => 1_700_000_000_000

function run(seed: number, steps: number) {
  const market = createMarket(DEFAULT_PAIRS, seed, clock)
  const out: string[] = []
  for (let i = 0; i < steps; i++) {
    const event = market.step(() => [10])
    out.push(JSON.stringify({ ...event, updates: [...event.updates] }))
  }
  return { market, out }
}

test('default', () => {
  const { market } = run(1, 2_000)
  for (const symbol of market.symbols.values()) {
    const { bid, ask } = symbol.book
    expect(bid.size).toBeGreaterThan(1000)
    expect(ask.size).toBeGreaterThan(1000)
    expect(bid.best ?? 0).toBeLessThan(ask.best ?? 0)
  }
})

test('behavior: a seed gives the same steps, another seed others', () => {
  expect(run(5, 300).out).toEqual(run(5, 300).out)
  expect(run(6, 300).out).not.toEqual(run(5, 300).out)
})

test('behavior: trades take liquidity at the best levels and count in stats', () => {
  const market = createMarket(DEFAULT_PAIRS, 9, clock)
  let trades = 0
  for (let i = 0; i < 500; i++) {
    const symbolBefore = new Map(
      [...market.symbols].map(([s, m]) => [
        s,
        { bid: m.book.bid.best, ask: m.book.ask.best },
      ]),
    )
    const event = market.step(() => [])
    for (const trade of event.trades) {
      const before = symbolBefore.get(trade.symbol)
      if (trade.side === 'buy')
        expect(trade.price).toBeGreaterThanOrEqual(before?.ask ?? 0)
      else expect(trade.price).toBeLessThanOrEqual(before?.bid ?? 0)
      trades++
    }
  }
  expect(trades).toBeGreaterThan(50)
  const btc = market.symbols.get('BTC/USD')
  expect(btc?.trades).toHaveLength(50)
})
