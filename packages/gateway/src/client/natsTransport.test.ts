import {
  KrakenWebSocketAPI,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
} from '@kraken-sockets/runtime'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Gateway, startGateway } from '../gateway/startGateway.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { natsTransport } from './natsTransport.js'

let nats: TestNatsServer
let simulator: Simulator
let gateway: Gateway
const clients: KrakenWebSocketAPI[] = []

beforeAll(async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 3, rate: 300 })
  gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
})

afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  await gateway?.stop()
  await simulator?.close()
  await nats?.stop()
})

function behindGateway() {
  const kraken = new KrakenWebSocketAPI({
    logger: false,
    transport: natsTransport({ servers: nats.url }),
  })
  clients.push(kraken)
  return kraken
}

describe('natsTransport', () => {
  test('behavior: a KrakenWebSocketAPI gets a verified book and tickers through the gateway', async () => {
    const kraken = behindGateway()
    void kraken.run([])
    const book = await kraken.book('BTC/USD', { depth: 10 })
    expect(book.inSync).toBe(true)
    const acks = await kraken.subscribe(
      TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']),
    )
    expect(acks.map((ack) => [ack.success, ack.result?.symbol])).toEqual([
      [true, 'BTC/USD'],
      [true, 'ETH/USD'],
    ])
    const seen = new Set<string>()
    await new Promise<void>((resolve) => {
      const off = kraken.trigger(TickerUpdateResponse, (ticker) => {
        seen.add(ticker.symbol)
        if (seen.size === 2) {
          off()
          resolve()
        }
      })
    })
    // The book keeps verifying as updates stream in from JetStream.
    const before = book.stats().verified
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (book.stats().verified > before + 30) {
          clearInterval(timer)
          resolve()
        }
      }, 20)
    })
    expect(book.stats().mismatches).toBe(0)
    expect(book.inSync).toBe(true)
  })

  test('behavior: a late joiner starts from the kept snapshot and stays in sync', async () => {
    const late = behindGateway()
    void late.run([])
    const book = await late.book('BTC/USD', { depth: 10 })
    expect(book.inSync).toBe(true)
    const start = book.stats().verified
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (book.stats().verified > start + 20) {
          clearInterval(timer)
          resolve()
        }
      }, 20)
    })
    expect(book.stats().mismatches).toBe(0)
    // The gateway subscribed BTC/USD at Kraken once, for every client.
    expect(gateway.stats().demands).toBeGreaterThanOrEqual(2)
  })
})
