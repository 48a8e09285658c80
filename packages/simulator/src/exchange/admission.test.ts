import { describe, expect, test, vi } from 'vitest'
import type { LimitedTransaction, TradingRateLimiter } from './rateLimiter.js'
import {
  limitBuy,
  orderIdOf,
  setup,
  useFakeClockAt,
} from './testing/harness.js'

useFakeClockAt('2024-05-18T12:00:00.000Z')

/** A limiter that allows `budget` units in total and records what it was charged. */
function recordingLimiter(budget: number, maxOpenOrders = 100) {
  const charged: [string, LimitedTransaction][] = []
  let used = 0
  const limiter: TradingRateLimiter = {
    maxRateCount: budget,
    limits: { maxOpenOrders },
    count: () => used,
    charge(pair, transaction) {
      const cost =
        transaction.type === 'cancel'
          ? 1
          : transaction.type === 'batch_add'
            ? transaction.count
            : 1
      if (used + cost > budget) return { ok: false, count: used }
      used += cost
      charged.push([pair, transaction])
      return { ok: true, count: used }
    },
  }
  return { limiter, charged }
}

describe('rate limits', () => {
  test('default', () => {
    const { limiter, charged } = recordingLimiter(100)
    const { send, exchange } = setup({ createRateLimiter: () => limiter })
    const id = orderIdOf(send('add_order', limitBuy(26_000))[0])
    vi.advanceTimersByTime(3_000)
    send('amend_order', { order_id: id, order_qty: 0.02 })
    vi.advanceTimersByTime(7_000)
    send('cancel_order', { order_id: [id] })
    expect(charged).toEqual([
      ['BTC/USD', { type: 'add' }],
      ['BTC/USD', { type: 'amend', ageMs: 3_000 }],
      ['BTC/USD', { type: 'cancel', ageMs: 7_000 }],
    ])
    expect(exchange.maxRateCount('alice')).toBe(100)
    expect(exchange.rateCount('alice', 'BTC/USD')).toBe(3)
  })

  test('error: EOrder:Rate limit exceeded, with nothing booked', () => {
    const { limiter } = recordingLimiter(2)
    const { send, exchange, executions } = setup({
      createRateLimiter: () => limiter,
    })
    send('add_order', limitBuy(26_000))
    send('add_order', limitBuy(26_000))
    expect(executions()).toHaveLength(4)
    expect(send('add_order', limitBuy(26_000))[0]?.error).toBe(
      'EOrder:Rate limit exceeded',
    )
    expect(executions()).toHaveLength(4)
    expect(
      send('batch_add', {
        symbol: 'BTC/USD',
        orders: [limitBuy(1_000), limitBuy(1_000)].map(
          ({ symbol: _s, ...o }) => o,
        ),
      })[0]?.error,
    ).toBe('EOrder:Rate limit exceeded')
    const [first] = exchange.executionsSnapshot('alice')
    expect(
      send('cancel_order', { order_id: [first?.order_id] })[0]?.error,
    ).toBe('EOrder:Rate limit exceeded')
  })

  test('error: EOrder:Orders limit exceeded', () => {
    const { limiter } = recordingLimiter(100, 2)
    const { send } = setup({ createRateLimiter: () => limiter })
    send('add_order', limitBuy(26_000))
    send('add_order', limitBuy(26_000))
    expect(send('add_order', limitBuy(26_000))[0]?.error).toBe(
      'EOrder:Orders limit exceeded',
    )
    expect(
      send('add_order', { ...limitBuy(2_000), symbol: 'ETH/USD' })[0]?.success,
    ).toBe(true)
  })
})

describe('market status', () => {
  test('default', () => {
    const { send, exchange } = setup()
    expect(exchange.systemStatus).toBe('online')
    exchange.setSystemStatus('maintenance')
    expect(send('add_order', limitBuy(26_000))[0]?.error).toBe(
      'EService:Unavailable',
    )
    expect(send('cancel_all')[0]?.error).toBe('EService:Unavailable')
  })

  test('behavior: cancel_only refuses new orders, allows cancels', () => {
    const { send, exchange } = setup()
    const id = orderIdOf(send('add_order', limitBuy(26_000))[0])
    exchange.setSystemStatus('cancel_only')
    expect(send('add_order', limitBuy(26_000))[0]?.error).toBe(
      'EService:Market in cancel_only mode',
    )
    expect(
      send('amend_order', { order_id: id, order_qty: 0.02 })[0]?.error,
    ).toBe('EService:Market in cancel_only mode')
    expect(send('cancel_order', { order_id: [id] })[0]?.success).toBe(true)
  })

  test('behavior: post_only admits only post-only limit orders', () => {
    const { send, exchange } = setup()
    exchange.setSystemStatus('post_only')
    expect(send('add_order', limitBuy(26_000))[0]?.error).toBe(
      'EService:Market in post_only mode',
    )
    expect(
      send('add_order', limitBuy(26_000, { post_only: true }))[0]?.success,
    ).toBe(true)
  })

  test('behavior: pair status applies to its pair only', () => {
    const { send, exchange } = setup()
    exchange.setPairStatus('BTC/USD', 'limit_only')
    expect(
      send('add_order', {
        order_type: 'market',
        side: 'sell',
        symbol: 'BTC/USD',
        order_qty: 0.01,
      })[0]?.error,
    ).toBe('EService:Market in limit_only mode')
    expect(send('add_order', limitBuy(26_000))[0]?.success).toBe(true)
    exchange.setPairStatus('BTC/USD', 'maintenance')
    expect(send('add_order', limitBuy(26_000))[0]?.error).toBe(
      'EService:Unavailable',
    )
    expect(
      send('add_order', { ...limitBuy(2_000), symbol: 'ETH/USD' })[0]?.success,
    ).toBe(true)
  })
})
