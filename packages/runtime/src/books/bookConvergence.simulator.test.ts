/**
 * Books come back in sync after faults during a resync, against the
 * simulator (a real Kraken v2 server on loopback): a lost unsubscribe ack,
 * a rate-limited resubscribe, a resync whose own snapshot is corrupt.
 */
import { describe, expect, test } from 'vitest'
import { eventually, useSimulator } from '../testing/simulatorHarness.js'

const harness = useSimulator({ seed: 5, rate: 50 })

/** A client with a short timeout, so that a lost ack and the book's watchdog show within seconds. */
const connect = (options: Parameters<typeof harness.connect>[0] = {}) =>
  harness.connect({ requestTimeout: 400, ...options })

describe('book convergence', () => {
  test('error: a resync whose unsubscribe ack is lost is retried and ends in sync', async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('BTC/USD')
    await harness.simulator.inject({
      type: 'dropAnswers',
      count: 1,
      method: 'unsubscribe',
    })
    await harness.simulator.inject({ type: 'corruptChecksum', count: 1 })
    await eventually(() => book.stats().resyncs >= 1)
    await eventually(
      () => book.stats().state === 'in-sync' && book.stats().resyncs >= 2,
    )
    const verified = book.stats().verified
    await eventually(() => book.stats().verified > verified + 2)
    expect(book.stats().state).toBe('in-sync')
    expect(errors).toEqual([])
  })

  test('error: one rate-limited resubscribe during a resync does not fail the book', async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('ETH/USD')
    await harness.simulator.inject({ type: 'rateLimit', count: 1 })
    await harness.simulator.inject({ type: 'corruptChecksum', count: 1 })
    await eventually(() => book.stats().resyncs >= 1)
    await eventually(
      () => book.stats().state === 'in-sync' && book.stats().resyncs >= 2,
    )
    expect(book.stats().state).toBe('in-sync')
    expect(errors).toEqual([])
  })

  test('error: a resync whose own snapshot is corrupt again resyncs until in sync', async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('BTC/USD')
    await harness.simulator.inject({
      type: 'corruptChecksum',
      count: 3,
      symbol: 'BTC/USD',
    })
    await eventually(() => book.stats().resyncs >= 2)
    await eventually(() => book.stats().state === 'in-sync')
    const verified = book.stats().verified
    await eventually(() => book.stats().verified > verified + 2)
    expect(book.stats()).toMatchObject({ state: 'in-sync' })
    expect(errors).toEqual([])
  })
})
