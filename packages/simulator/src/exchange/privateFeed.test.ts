import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createPrivateFeed, type PrivateChannelFrame } from './privateFeed.js'
import type { TradingRateLimiter } from './rateLimiter.js'
import { limitBuy, receivedSamples, setup, shapeOf } from './testing/harness.js'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2023-10-16T13:18:35.303Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

function feedOf(harness: ReturnType<typeof setup>, accountId = 'alice') {
  const frames: PrivateChannelFrame[] = []
  const feed = createPrivateFeed({
    exchange: harness.exchange,
    accountId,
    send: (frame) => frames.push(frame),
  })
  return { feed, frames }
}

describe('createPrivateFeed', () => {
  test('default', () => {
    const harness = setup()
    harness.send('add_order', limitBuy(26_000))
    const { feed, frames } = feedOf(harness)
    const { result, snapshot } = feed.subscribeExecutions({ snap_trades: true })
    const ack = receivedSamples('subscribe:executions', (m) =>
      JSON.stringify(m).includes('snap_orders'),
    )[0]
    // Without a rate limiter there is no maxratecount; otherwise the docs ack's keys.
    const { maxratecount: _max, ...docsKeys } = shapeOf(ack?.result)
    expect(shapeOf(result)).toEqual(docsKeys)
    expect(result).toEqual({
      channel: 'executions',
      snap_orders: true,
      snap_trades: true,
    })
    expect(snapshot).toMatchObject({
      channel: 'executions',
      type: 'snapshot',
      sequence: 1,
    })
    expect(snapshot?.data).toHaveLength(1)
    harness.send('add_order', limitBuy(25_000))
    expect(frames.map((f) => [f.type, f.sequence])).toEqual([
      ['update', 2],
      ['update', 3],
    ])
    const sample = receivedSamples('executions', (m) => m.type === 'update')[0]
    expect(shapeOf(frames[0])).toEqual(shapeOf(sample))
    expect(Object.keys(frames[0] ?? {})).toEqual(Object.keys(sample ?? {}))
  })

  test('behavior: one sequence per connection across executions and balances', () => {
    const harness = setup()
    const { feed, frames } = feedOf(harness)
    const balances = feed.subscribeBalances()
    const ack = receivedSamples('subscribe:balances')[0]
    expect(balances.result).toEqual(ack?.result)
    const snapshotSample = receivedSamples(
      'balances',
      (m) => m.type === 'snapshot',
    )[0]
    expect(shapeOf(balances.snapshot)).toEqual(shapeOf(snapshotSample))
    expect(balances.snapshot?.sequence).toBe(1)
    expect(
      feed.subscribeExecutions({ snap_orders: false }).snapshot,
    ).toBeUndefined()
    harness.exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    harness.send('add_order', {
      order_type: 'market',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: 0.01,
    })
    expect(
      frames.map((f) => [
        f.channel,
        f.sequence,
        (f.data[0] as { exec_type?: string }).exec_type,
      ]),
    ).toEqual([
      ['executions', 2, 'pending_new'],
      ['executions', 3, 'new'],
      ['executions', 4, 'trade'],
      ['balances', 5, undefined],
      ['balances', 6, undefined],
      ['executions', 7, 'filled'],
    ])
    const updateSample = receivedSamples(
      'balances',
      (m) => m.type === 'update',
    )[0]
    expect(shapeOf(frames[3])).toEqual(shapeOf(updateSample))
  })

  test('behavior: order_status false sends only the main transitions and fills', () => {
    const harness = setup()
    const { feed, frames } = feedOf(harness)
    feed.subscribeExecutions({ order_status: false, snap_orders: false })
    harness.send('add_order', limitBuy(26_000))
    expect(
      frames.map((f) => (f.data[0] as { exec_type: string }).exec_type),
    ).toEqual(['new'])
  })

  test('behavior: ratecounter adds the counter to reports', () => {
    const limiter: TradingRateLimiter = {
      maxRateCount: 180,
      limits: { maxOpenOrders: 225 },
      count: () => 1,
      charge: () => ({ ok: true, count: 1 }),
    }
    const harness = setup({ createRateLimiter: () => limiter })
    const { feed, frames } = feedOf(harness)
    expect(
      feed.subscribeExecutions({ ratecounter: true }).result,
    ).toMatchObject({ maxratecount: 180 })
    harness.send('add_order', limitBuy(26_000))
    expect(frames[0]?.data[0]).toMatchObject({ ratecounter: 1 })
  })

  test('behavior: other accounts and unsubscribed channels stay silent', () => {
    const harness = setup()
    const { feed, frames } = feedOf(harness, 'bob')
    feed.subscribeExecutions()
    harness.send('add_order', limitBuy(26_000))
    expect(frames).toEqual([])
    const own = feedOf(harness)
    own.feed.subscribeExecutions()
    expect(own.feed.unsubscribe('executions')).toBe(true)
    expect(own.feed.unsubscribe('executions')).toBe(false)
    harness.send('add_order', limitBuy(26_000))
    expect(own.frames).toEqual([])
    feed.close()
  })
})
