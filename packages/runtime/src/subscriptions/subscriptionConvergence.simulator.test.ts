/**
 * Subscriptions converge to what the user wants after transient faults,
 * against the simulator (a real Kraken v2 server on loopback): a replay
 * refused for now, a lost subscribe ack, `Already subscribed`.
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import {
  type KrakenErrorEvent,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
  SubscriptionResponse,
  TickerSubscriptionRequest,
} from '../index.js'

let simulator: Simulator
let clients: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  simulator = await startSimulator({ seed: 11, rate: 50 })
})

afterEach(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  clients = []
  await simulator.close()
})

function connect(options: KrakenWebSocketAPIOptions = {}) {
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    WebSocket,
    logger: false,
    reconnect: { initialDelay: 20, maxDelay: 50 },
    ...options,
  })
  const errors: KrakenErrorEvent[] = []
  kraken.on('error', (error) => {
    errors.push(error)
  })
  clients.push(kraken)
  return { kraken, errors }
}

/**
 * A market that never moves and a ticker without snapshot: no data arrives,
 * so only acks (late, lost, resent) can make the intent live.
 */
async function quietMarket(): Promise<void> {
  await simulator.close()
  simulator = await startSimulator({ seed: 11, rate: 0 })
}

/** Resolves once `predicate` holds (checked every 20 ms); the test's timeout bounds it. */
async function eventually(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20))
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
    await simulator.inject({ type: 'rateLimit', count: 1 })
    await simulator.inject({ type: 'drop' })
    // The replay is refused once, then retried under the backoff.
    await eventually(() => simulator.stats.subscribes('ticker', 'BTC/USD') >= 3)
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
    const before = simulator.stats.subscribes('ticker', 'BTC/USD')
    await simulator.inject({ type: 'drop' })
    await eventually(
      () => simulator.stats.subscribes('ticker', 'BTC/USD') > before,
    )
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(gaps).toHaveLength(2)
    expect(errors).toEqual([])
  })

  test('error: a subscribe whose ack is lost is resent, and Already subscribed makes it live', async () => {
    await quietMarket()
    const { kraken, errors } = connect({ requestTimeout: 300 })
    await simulator.inject({
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
    await eventually(() => simulator.stats.subscribes('ticker', 'ETH/USD') >= 2)
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
    await simulator.inject({
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
    await simulator.inject({ type: 'delayAcks', ms: 0 })
    await eventually(() => kraken.stats().subscriptions.live === 1)
    expect(errors).toEqual([])
  })
  test('error: a subscribe whose acks are all lost is live once its data arrives', async () => {
    // Long timeout: without the data rule, the intent would stay pending
    // for the whole test (every answer, resends included, is lost).
    const { kraken, errors } = connect({ requestTimeout: 60_000 })
    await simulator.inject({
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
    expect(simulator.stats.subscribes('ticker', 'BTC/USD')).toBe(1)
    expect(errors).toEqual([])
  })
})
