import { type BookValueInput, createBook } from '@kraken-sockets/book'
import { decodeMessage } from '@kraken-sockets/schema'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { createPlainBookCheck } from '../testing/plainBooks.js'
import { until } from '../testing/until.js'
import { type Gateway, startGateway } from './startGateway.js'

let nats: TestNatsServer
let simulator: Simulator
let gateway: Gateway | undefined
let plain: NatsConnection

beforeAll(async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 16, rate: 400 })
  plain = await connect({ servers: nats.url })
})

afterAll(async () => {
  await gateway?.stop()
  await plain?.close()
  await simulator?.close()
  await nats?.stop()
})

describe('startGateway', () => {
  test('behavior: a plain NATS subscriber rebuilds every book from the bodies and verifies each checksum', async () => {
    const books = {
      'BTC/USD': createPlainBookCheck('BTC/USD', 10),
      'ETH/USD': createPlainBookCheck('ETH/USD', 25),
    }
    const tickers: string[] = []
    const subjects = new Set<string>()
    const sub = plain.subscribe('kraken.spot.>', {
      callback: (_error, msg) => {
        subjects.add(msg.subject)
        const kind = msg.headers?.get('KS-Kind') ?? ''
        const epoch = Number(msg.headers?.get('KS-Epoch'))
        const seq = Number(msg.headers?.get('KS-Seq'))
        if (msg.subject === 'kraken.spot.book.BTC_USD')
          books['BTC/USD'].add(kind, epoch, seq, msg.string())
        if (msg.subject === 'kraken.spot.book.ETH_USD')
          books['ETH/USD'].add(kind, epoch, seq, msg.string())
        if (msg.subject.startsWith('kraken.spot.ticker.') && kind !== 'reset')
          tickers.push(msg.string())
      },
    })
    await plain.flush()

    gateway = await startGateway({
      servers: nats.url,
      retention: { storage: 'memory' },
      kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
      subscribe: [
        '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}',
        {
          method: 'subscribe',
          params: { channel: 'ticker', symbol: ['BTC/USD', 'ETH/USD'] },
        },
      ],
    })
    const acks = await gateway.demand({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['ETH/USD'], depth: 25 },
    })
    expect(acks).toMatchObject([
      {
        method: 'subscribe',
        success: true,
        result: { channel: 'book', symbol: 'ETH/USD', depth: 25 },
      },
    ])

    await until(
      () =>
        books['BTC/USD'].check.verified > 50 &&
        books['ETH/USD'].check.verified > 50,
    )
    sub.unsubscribe()
    for (const { check } of Object.values(books)) {
      expect(check.failed).toBe(0)
      expect(check.gaps).toBe(0)
      expect(check.epochs.length).toBeGreaterThanOrEqual(1)
    }
    // One symbol per ticker body; both symbols on their own subjects.
    expect(subjects).toContain('kraken.spot.ticker.BTC_USD')
    expect(subjects).toContain('kraken.spot.ticker.ETH_USD')
    for (const body of tickers) {
      const decoded = decodeMessage(body)
      expect(decoded.ok).toBe(true)
      if (decoded.ok) expect(decoded.responses).toHaveLength(1)
    }
    expect(gateway.stats().mismatches).toBe(0)
  })

  test('behavior: the kept snapshot is the verified book, rolled up to one message', async () => {
    const jsm = await jetstreamManager(plain)
    const info = await jsm.streams.info('KRAKEN_SPOT')
    expect(info.config.subjects).toEqual(['kraken.spot.>'])
    const kept = await jsm.streams.getMessage('KRAKEN_SPOT', {
      last_by_subj: 'kraken.spot.book.BTC_USD.snapshot',
    })
    expect(kept).not.toBeNull()
    if (kept === null) return
    expect(kept.header.get('KS-Kind')).toBe('snapshot')
    const epoch = Number(kept.header.get('KS-Epoch'))
    expect(epoch).toBeGreaterThan(0)
    const decoded = decodeMessage(kept.string())
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const value = decoded.responses[0]?.value as unknown as BookValueInput
    const book = createBook({ symbol: 'BTC/USD', depth: 10 })
    expect(book.apply(value)).toMatchObject({ ok: true })
    // Rolled up: only the latest snapshot is stored on the subject.
    const subjects = await jsm.streams.info('KRAKEN_SPOT', {
      subjects_filter: 'kraken.spot.book.*.snapshot',
    })
    expect(subjects.state.subjects).toEqual({
      'kraken.spot.book.BTC_USD.snapshot': 1,
      'kraken.spot.book.ETH_USD.snapshot': 1,
    })
  })

  test('error: a demand for a channel the gateway does not serve is refused in Kraken’s shape', async () => {
    const reply = await plain.request(
      'kraken.spot-gateway.subscribe',
      '{"method":"subscribe","params":{"channel":"executions"}}',
      { timeout: 5_000 },
    )
    expect(reply.json()).toMatchObject([
      { method: 'subscribe', success: false },
    ])
  })
})
