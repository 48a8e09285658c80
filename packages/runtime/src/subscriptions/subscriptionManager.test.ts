import {
  ExecutionSubscriptionRequest,
  OrdersSubscriptionRequest,
  TickerSubscriptionRequest,
  TradesSubscriptionRequest,
} from '@kraken-sockets/schema'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { GapEvent } from '../index.js'
import { createFakeKraken, flush } from '../testing/fakeKraken.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('subscriptions across reconnects', () => {
  test('default', async () => {
    const { kraken, sent, transports } = createFakeKraken()
    const gaps: GapEvent[] = []
    kraken.on('gap', (gap) => {
      gaps.push(gap)
    })
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']))
    await kraken.subscribe(TradesSubscriptionRequest(['BTC/USD']))
    const before = sent('public').length
    transports.public?.drop()
    await flush()
    expect(sent('public').slice(before)).toMatchObject([
      {
        method: 'subscribe',
        params: { channel: 'ticker', symbol: ['BTC/USD', 'ETH/USD'] },
      },
      {
        method: 'subscribe',
        params: { channel: 'trade', symbol: ['BTC/USD'] },
      },
    ])
    expect(gaps).toEqual([
      {
        source: 'reconnect',
        endpoint: 'public',
        subscriptions: [
          { channel: 'ticker', symbol: 'BTC/USD' },
          { channel: 'ticker', symbol: 'ETH/USD' },
          { channel: 'trade', symbol: 'BTC/USD' },
        ],
        channels: ['ticker', 'trade'],
        symbols: ['BTC/USD', 'ETH/USD'],
      },
    ])
    expect(kraken.stats()).toMatchObject({
      subscriptions: { live: 3, pending: 0 },
      reconnects: { public: 1 },
    })
    await kraken.stop()
  })

  test('behavior: a subscription made while the socket is down is sent once, by the replay', async () => {
    const { kraken, sent, transports } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    transports.public?.drop({ reopen: false })
    const pending = kraken.subscribe(TradesSubscriptionRequest(['ETH/USD']))
    await flush()
    expect(sent('public')).toHaveLength(1)
    transports.public?.reopen()
    const [ack] = await pending
    expect(ack?.success).toBe(true)
    expect(
      sent('public')
        .slice(1)
        .map((frame) => frame.params?.channel),
    ).toEqual(['ticker', 'trade'])
    await kraken.stop()
  })

  test('behavior: "Already subscribed" during a replay counts as live', async () => {
    let replaying = false
    const { kraken, transports } = createFakeKraken({
      respond: (frame) =>
        replaying && frame.method === 'subscribe'
          ? [
              {
                method: 'subscribe',
                error: 'Already subscribed',
                success: false,
                symbol: 'BTC/USD',
                req_id: frame.req_id,
              },
            ]
          : undefined,
    })
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    replaying = true
    transports.public?.drop()
    await flush()
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 1,
      rejected: 0,
    })
    await kraken.stop()
  })

  test('behavior: private replays carry a token fetched for the new connection', async () => {
    const { kraken, sent, transports, tokens } = createFakeKraken()
    await kraken.subscribe(ExecutionSubscriptionRequest())
    transports.private?.drop()
    await flush()
    expect(tokens).toHaveLength(2)
    expect(sent('private').map((frame) => frame.params?.token)).toEqual(tokens)
    await kraken.stop()
  })

  test('behavior: level3 replays are batched by cost and paced at 200 per second', async () => {
    vi.useFakeTimers()
    const { kraken, sent, transports } = createFakeKraken()
    const symbols = Array.from({ length: 20 }, (_, index) => `S${index}/USD`)
    const done = kraken.subscribe(
      OrdersSubscriptionRequest(symbols, { depth: 100 }),
    )
    await vi.advanceTimersByTimeAsync(0)
    // Depth 100 costs 25 per symbol: 8 symbols fill one second's budget.
    expect(sent('level3').map((frame) => frame.params?.symbol?.length)).toEqual(
      [8],
    )
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent('level3')).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sent('level3').map((frame) => frame.params?.symbol?.length)).toEqual(
      [8, 8, 4],
    )
    expect((await done).every((ack) => ack.success)).toBe(true)
    transports.level3?.drop()
    await vi.advanceTimersByTimeAsync(0)
    // 100 units were left: the replay's first batch (200) waits 0.5 s.
    expect(sent('level3')).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(500)
    expect(sent('level3')).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(1_500)
    expect(sent('level3').map((frame) => frame.params?.symbol?.length)).toEqual(
      [8, 8, 4, 8, 8, 4],
    )
    await kraken.stop()
    expect(vi.getTimerCount()).toBe(0)
  })
})
