/**
 * A subscription that goes silent while its socket stays up (the
 * simulator's `muteChannel`: heartbeats and other streams flow) is found
 * and resubscribed alone, against the simulator (a real Kraken v2 server on
 * loopback).
 */
import { describe, expect, test } from 'vitest'
import {
  type SubscriptionHealthEvent,
  TickerSubscriptionRequest,
} from '../index.js'
import { eventually, useSimulator } from '../testing/simulatorHarness.js'

const harness = useSimulator({ seed: 5, rate: 100 })

describe('subscription liveness', () => {
  test('error: a book that goes silent on a live socket is resubscribed, and streams again', async () => {
    const { kraken } = harness.connect({ silenceWindows: { book: 1_500 } })
    const events: SubscriptionHealthEvent[] = []
    kraken.on('subscription', (event) => {
      events.push(event)
    })
    const book = await kraken.book('BTC/USD', { depth: 10 })
    await kraken.subscribe(TickerSubscriptionRequest(['ETH/USD']))
    await eventually(() => book.stats().verified > 3)
    harness.simulator.inject({ type: 'muteChannel', channel: 'book' })
    await eventually(() =>
      events.some((event) => event.type === 'resubscribed'),
    )
    expect(events[0]).toMatchObject({
      type: 'silent',
      endpoint: 'public',
      channel: 'book',
      symbol: 'BTC/USD',
    })
    expect(
      (events[0] as { silentFor: number }).silentFor,
    ).toBeGreaterThanOrEqual(1_500)
    // The ticker, still streaming, was left alone.
    expect(events.every((event) => event.channel === 'book')).toBe(true)
    expect(harness.simulator.stats.subscribes('book', 'BTC/USD')).toBe(2)
    // The fresh subscription streams: the book verifies updates again.
    const verified = book.stats().verified
    await eventually(() => book.stats().verified > verified)
    expect(book.stats().state).toBe('in-sync')
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 2,
      rejected: 0,
    })
    expect(kraken.stats().reconnects.public).toBe(0)
  })
})
