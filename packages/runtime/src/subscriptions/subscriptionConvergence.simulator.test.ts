/**
 * Subscriptions converge to what the user wants after transient faults,
 * against the simulator (a real Kraken v2 server on loopback): a replay
 * refused for now, a lost subscribe ack, `Already subscribed`.
 */
import { describe, expect, test } from 'vitest'
import { SubscriptionResponse, TickerSubscriptionRequest } from '../index.js'
import { eventually, useSimulator } from '../testing/simulatorHarness.js'

const harness = useSimulator({ seed: 11, rate: 50 })
const { connect } = harness

/**
 * A market that never moves and a ticker without snapshot: no data arrives,
 * so only acks (late, lost, resent) can make the intent live.
 */
async function quietMarket(): Promise<void> {
  await harness.restart({ seed: 11, rate: 0 })
}

describe('subscription convergence', () => {
  test('error: a replay refused with Exceeded msg rate stays pending and is retried until live', async () => {
    const { kraken, errors } = connect()
    const [ack] = await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    expect(ack).toMatchObject({ success: true })
    const gaps: unknown[] = []
    kraken.on('gap', (gap) => {
      gaps.push(gap)
    })
    await harness.simulator.inject({ type: 'rateLimit', count: 1 })
    await harness.simulator.inject({ type: 'drop' })
    // The replay is refused once, then retried under the backoff.
    await eventually(
      () => harness.simulator.stats.subscribes('ticker', 'BTC/USD') >= 3,
    )
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 1,
      rejected: 0,
    })
    expect(gaps).toMatchObject([
      {
        source: 'reconnect',
        subscriptions: [{ channel: 'ticker', symbol: 'BTC/USD' }],
      },
    ])
    // A later reconnect still replays it (it was never dropped).
    const before = harness.simulator.stats.subscribes('ticker', 'BTC/USD')
    await harness.simulator.inject({ type: 'drop' })
    await eventually(
      () => harness.simulator.stats.subscribes('ticker', 'BTC/USD') > before,
    )
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(gaps).toHaveLength(2)
    expect(errors).toEqual([])
  })

  test('error: a subscribe whose ack is lost is resent, and Already subscribed makes it live', async () => {
    await quietMarket()
    const { kraken, errors } = connect({ requestTimeout: 300 })
    await harness.simulator.inject({
      type: 'dropAnswers',
      count: 1,
      method: 'subscribe',
    })
    const [ack] = await kraken.subscribe(
      TickerSubscriptionRequest(['ETH/USD'], { snapshot: false }),
    )
    expect(ack).toMatchObject({ success: false })
    expect(ack?.error).toMatch(/Timed out/)
    // The simulator subscribed it; the resend answers `Already subscribed`.
    await eventually(
      () => harness.simulator.stats.subscribes('ticker', 'ETH/USD') >= 2,
    )
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 1,
      rejected: 0,
    })
    expect(errors).toEqual([])
  })

  test('error: a subscribe ack later than the request timeout still makes the intent live', async () => {
    await quietMarket()
    const { kraken, errors } = connect({ requestTimeout: 300 })
    await harness.simulator.inject({
      type: 'delayAcks',
      ms: 1_500,
      hold: 'answer',
      method: 'subscribe',
    })
    // When the first ack arrives (the late one), its intent is live already.
    const liveAtFirstAck = new Promise<number>((resolve) => {
      kraken.trigger(SubscriptionResponse, async () => {
        resolve(kraken.stats().subscriptions.live)
      })
    })
    const [ack] = await kraken.subscribe(
      TickerSubscriptionRequest(['BTC/USD'], { snapshot: false }),
    )
    expect(ack?.error).toMatch(/Timed out/)
    expect(await liveAtFirstAck).toBe(1)
    await harness.simulator.inject({ type: 'delayAcks', ms: 0 })
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(errors).toEqual([])
  })
  test('error: a subscribe whose acks are all lost is live once its data arrives', async () => {
    // Long timeout: without the data rule, the intent would stay pending
    // for the whole test (every answer, resends included, is lost).
    const { kraken, errors } = connect({ requestTimeout: 60_000 })
    await harness.simulator.inject({
      type: 'dropAnswers',
      count: 1_000,
      method: 'subscribe',
    })
    const subscribed = kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 1,
      rejected: 0,
    })
    // The caller waiting for the lost ack is answered too.
    const [ack] = await subscribed
    expect(ack).toMatchObject({ success: true, method: 'subscribe' })
    expect(harness.simulator.stats.subscribes('ticker', 'BTC/USD')).toBe(1)
    expect(errors).toEqual([])
  })
})
