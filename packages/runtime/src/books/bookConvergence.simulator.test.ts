/**
 * Books come back in sync after faults during a resync, against the
 * simulator (a real Kraken v2 server on loopback): a lost unsubscribe ack,
 * a rate-limited resubscribe, a resync whose own snapshot is corrupt.
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import {
  type KrakenErrorEvent,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
} from '../index.js'

let simulator: Simulator
let clients: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  simulator = await startSimulator({ seed: 5, rate: 50 })
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
    // Short, so that a lost ack and the book's watchdog show within seconds.
    requestTimeout: 400,
    ...options,
  })
  const errors: KrakenErrorEvent[] = []
  kraken.on('error', (error) => {
    errors.push(error)
  })
  clients.push(kraken)
  return { kraken, errors }
}

/** Resolves once `predicate` holds (checked every 20 ms); the test's timeout bounds it. */
async function eventually(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('book convergence', () => {
  test('error: a resync whose unsubscribe ack is lost is retried and ends in sync', async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('BTC/USD')
    await simulator.inject({
      type: 'dropAnswers',
      count: 1,
      method: 'unsubscribe',
    })
    await simulator.inject({ type: 'corruptChecksum', count: 1 })
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
    await simulator.inject({ type: 'rateLimit', count: 1 })
    await simulator.inject({ type: 'corruptChecksum', count: 1 })
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
    await simulator.inject({
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
