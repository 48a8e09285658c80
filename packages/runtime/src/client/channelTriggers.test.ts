import { describe, expect, test } from 'vitest'
import { HandlerError } from '../errors.js'
import {
  TickerChannel,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
} from '../index.js'
import { createFakeKraken, flush } from '../testing/fakeKraken.js'

/** A `ticker` frame of `type` for BTC/USD at `last`, as Kraken sends it. */
const ticker = (type: 'snapshot' | 'update', last: number) => ({
  channel: 'ticker',
  type,
  data: [
    {
      symbol: 'BTC/USD',
      bid: last - 1,
      bid_qty: 1,
      ask: last + 1,
      ask_qty: 1,
      last,
      volume: 10,
      vwap: last,
      low: last - 5,
      high: last + 5,
      change: 1,
      change_pct: 0.1,
      timestamp: '2026-01-01T00:00:00.250Z',
    },
  ],
})

describe('channel keys', () => {
  test('behavior: a slow handler gets snapshot and updates in order, one at a time', async () => {
    const { kraken, receive } = createFakeKraken({ logger: false })
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const seen: string[] = []
    let release: () => void = () => {}
    kraken.trigger(TickerChannel, async (value) => {
      seen.push(`${value.type} ${value.last}`)
      if (value.type === 'snapshot')
        await new Promise<void>((resolve) => {
          release = resolve
        })
    })
    receive('public', ticker('snapshot', 100))
    receive('public', ticker('update', 101))
    receive('public', ticker('update', 102))
    await flush()
    // The updates wait behind the snapshot the handler is still busy with.
    expect(seen).toEqual(['snapshot 100'])
    release()
    await flush()
    expect(seen).toEqual(['snapshot 100', 'update 101', 'update 102'])
    // The kept ticker was current before any handler ran.
    expect(kraken.ticker('BTC/USD')?.last).toBe(102)
    expect(kraken.ticker('BTC/USD')?.timestamp_ms).toBe(
      Date.UTC(2026, 0, 1) + 250,
    )
    await kraken.stop()
  })

  test('behavior: the remover stops both types; other handlers are untouched', async () => {
    const { kraken, receive } = createFakeKraken({ logger: false })
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const channel: number[] = []
    const updates: number[] = []
    const off = kraken.trigger(TickerChannel, (value) => {
      channel.push(value.last)
    })
    kraken.trigger(TickerUpdateResponse, (value) => {
      updates.push(value.last)
    })
    receive('public', ticker('snapshot', 1))
    off()
    receive('public', ticker('snapshot', 2))
    receive('public', ticker('update', 3))
    await flush()
    expect(channel).toEqual([1])
    expect(updates).toEqual([3])
    await kraken.stop()
  })

  test('error: a handler that throws is reported on error, and keeps receiving', async () => {
    const { kraken, receive, errors } = createFakeKraken({ logger: false })
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const seen: number[] = []
    kraken.trigger(TickerChannel, (value) => {
      seen.push(value.last)
      if (value.type === 'snapshot') throw new Error('boom')
    })
    receive('public', ticker('snapshot', 7))
    receive('public', ticker('update', 8))
    await flush()
    expect(seen).toEqual([7, 8])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(HandlerError)
    await kraken.stop()
  })

  test('error: a handler that is not a function throws at once', () => {
    const { kraken } = createFakeKraken({ logger: false })
    expect(() =>
      kraken.trigger(TickerChannel, 'nope' as unknown as () => void),
    ).toThrow(/handler for TickerChannel must be a function/)
  })
})
