import { KrakenWebSocketAPI, type LiveBook } from '@kraken-sockets/runtime'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { DeliverPolicy, jetstream } from '@nats-io/jetstream'
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { natsTransport } from '../client/natsTransport.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { createPlainBookCheck } from '../testing/plainBooks.js'
import { until } from '../testing/until.js'
import type { GatewayOptions } from './options.js'
import { type Gateway, startGateway } from './startGateway.js'

const BOOK =
  '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}'

let nats: TestNatsServer
let simulator: Simulator
let plain: NatsConnection
let gateways: Gateway[] = []
let clients: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 5, rate: 300 })
  plain = await connect({
    servers: nats.url,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
  })
})

afterEach(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  await Promise.all(gateways.map((gateway) => gateway.stop()))
  clients = []
  gateways = []
  await plain.close()
  await simulator.close()
  await nats.stop()
})

async function gateway(extra: Partial<GatewayOptions> = {}) {
  const started = await startGateway({
    servers: nats.url,
    subscribe: [BOOK],
    kraken: {
      publicUrl: simulator.publicUrl,
      restUrl: simulator.restUrl,
      reconnect: { initialDelay: 20, maxDelay: 100 },
    },
    ...extra,
  })
  gateways.push(started)
  return started
}

/** A plain subscriber of the BTC/USD book subject (core NATS, from now on). */
function plainBook() {
  const book = createPlainBookCheck('BTC/USD', 10)
  plain.subscribe('kraken.spot.book.BTC_USD', {
    callback: (_error, msg) => feed(book, msg),
  })
  return book.check
}

function feed(book: ReturnType<typeof createPlainBookCheck>, msg: Msg) {
  book.add(
    msg.headers?.get('KS-Kind') ?? '',
    Number(msg.headers?.get('KS-Epoch')),
    Number(msg.headers?.get('KS-Seq')),
    msg.string(),
  )
}

async function botBook(): Promise<LiveBook> {
  const kraken = new KrakenWebSocketAPI({
    logger: false,
    transport: natsTransport({ servers: nats.url }),
  })
  clients.push(kraken)
  void kraken.run([])
  return kraken.book('BTC/USD', { depth: 10 })
}

describe('faults', () => {
  test('behavior: a corrupt checksum from Kraken is never published; a new epoch follows the resync', async () => {
    const check = plainBook()
    await plain.flush()
    const gw = await gateway()
    await until(() => check.verified > 10, 30_000, 'first epoch')
    simulator.inject({ type: 'corruptChecksum', symbol: 'BTC/USD' })
    await until(
      () => check.epochs.length >= 2 && check.verified > 40,
      30_000,
      'second epoch',
    )
    expect(gw.stats().mismatches).toBeGreaterThanOrEqual(1)
    expect(check.failed).toBe(0)
    expect(check.gaps).toBe(0)
    expect(check.epochs[1]).toBeGreaterThan(check.epochs[0] as number)
  })

  test('behavior: when the Kraken socket drops, the series restarts with a new epoch', async () => {
    const check = plainBook()
    await plain.flush()
    await gateway()
    await until(() => check.verified > 10, 30_000, 'first epoch')
    simulator.inject({ type: 'close', code: 1001, reason: 'test' })
    await until(
      () => check.epochs.length >= 2 && check.verified > 40,
      30_000,
      'second epoch',
    )
    expect(check.failed).toBe(0)
    expect(check.gaps).toBe(0)
  })

  test('behavior: a restarted gateway publishes a greater epoch and a bot behind it stays in sync', async () => {
    const check = plainBook()
    await plain.flush()
    const first = await gateway()
    const book = await botBook()
    await until(() => book.stats().verified > 10, 30_000, 'bot book')
    await first.stop()
    await gateway()
    const before = book.stats().verified
    await until(() => check.epochs.length >= 2, 30_000, 'new epoch')
    await until(
      () => book.stats().verified > before + 20,
      30_000,
      'bot keeps verifying',
    )
    expect(check.epochs[1]).toBeGreaterThan(check.epochs[0] as number)
    expect(check.failed).toBe(0)
    expect(book.stats().mismatches).toBe(0)
    expect(book.inSync).toBe(true)
  })

  test('behavior: after nats-server restarts, the gateway opens a new epoch and the bot resyncs', async () => {
    const check = plainBook()
    await plain.flush()
    await gateway()
    const book = await botBook()
    await until(() => book.stats().verified > 10, 30_000, 'bot book')
    await nats.kill(true)
    await nats.restart()
    const before = book.stats().verified
    await until(
      () => check.epochs.length >= 2 && check.verified > 20,
      30_000,
      'new epoch',
    )
    await until(
      () => book.stats().verified > before + 20,
      30_000,
      'bot resynced',
    )
    expect(check.failed).toBe(0)
    expect(book.stats().mismatches).toBe(0)
    expect(book.inSync).toBe(true)
  })

  test('behavior: a consumer that stops reading falls behind on the stream and catches up, losing nothing', async () => {
    const gw = await gateway()
    const { check, add } = createPlainBookCheck('BTC/USD', 10)
    const consumer = await jetstream(plain).consumers.get('KRAKEN_SPOT', {
      filter_subjects: 'kraken.spot.book.BTC_USD',
      deliver_policy: DeliverPolicy.All,
    })
    // Not reading for a while: the gateway keeps publishing meanwhile.
    const published = gw.stats().published
    await until(
      () => gw.stats().published > published + 100,
      30_000,
      'publishing',
    )
    while (check.verified <= 100) {
      const batch = await consumer.fetch({ max_messages: 50, expires: 5_000 })
      for await (const msg of batch)
        add(
          msg.headers?.get('KS-Kind') ?? '',
          Number(msg.headers?.get('KS-Epoch')),
          Number(msg.headers?.get('KS-Seq')),
          msg.string(),
        )
    }
    expect(check.failed).toBe(0)
    expect(check.gaps).toBe(0)
  })
})
