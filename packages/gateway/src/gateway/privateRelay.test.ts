import {
  AddOrderRequest,
  BalancesSnapshotResponse,
  BalancesSubscriptionRequest,
  ExecutionSubscriptionRequest,
  KrakenWebSocketAPI,
} from '@kraken-sockets/runtime'
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { behindGateway } from '../client/behindGateway.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { until } from '../testing/until.js'
import { type Gateway, startGateway } from './startGateway.js'

let nats: TestNatsServer
let simulator: Simulator
let gateway: Gateway
let sniffer: NatsConnection
/** Every message on NATS during a test: subject, headers and body. */
let wire: { subject: string; text: string }[] = []
let bots: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 4, rate: 0 })
  sniffer = await connect({ servers: nats.url })
  wire = []
  sniffer.subscribe('>', {
    callback: (_error, msg) => {
      wire.push({
        subject: msg.subject,
        text: `${msg.headers?.toString() ?? ''}${msg.string()}`,
      })
    },
  })
  await sniffer.flush()
  // Only the gateway holds the API key; the bots below have none.
  gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    account: 'desk-1',
    kraken: {
      publicUrl: simulator.publicUrl,
      privateUrl: simulator.privateUrl,
      restUrl: simulator.restUrl,
      apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
      privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
    },
  })
})

afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.stop()))
  bots = []
  await gateway.stop()
  await sniffer.close()
  await simulator.close()
  await nats.stop()
})

/** A bot with no Kraken keys, behind the gateway. */
function bot() {
  const kraken = new KrakenWebSocketAPI({
    logger: false,
    ...behindGateway({ servers: nats.url, account: 'desk-1' }),
  })
  bots.push(kraken)
  void kraken.run([])
  return kraken
}

/** A limit buy of BTC/USD far below the simulated market: it rests. */
const restingBuy = () =>
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '0.01',
    limit_price: '50000',
  })

describe('private channels behind the gateway', () => {
  test('behavior: a keyless bot sees its own order open, and its balances, from the relayed executions and balances', async () => {
    const kraken = bot()
    const balances: unknown[] = []
    kraken.trigger(BalancesSnapshotResponse, (value) => {
      balances.push(value)
    })
    const [ack] = await kraken.subscribe(BalancesSubscriptionRequest())
    expect(ack?.success).toBe(true)
    await until(() => balances.length > 0, 30_000, 'the balances snapshot')

    const opened: string[] = []
    kraken.onOrder((event) => {
      if (event.type === 'opened') opened.push(event.order.order_id)
    })
    const { result } = await kraken.request(restingBuy())
    const orderId = String(result?.order_id)
    await until(() => opened.includes(orderId), 30_000, 'the order opened')
    expect(kraken.orders.get(orderId)?.order_status).toBe('new')
  })

  test('behavior: a bot joining later sees the open orders from the replay (snapshot and updates since)', async () => {
    const first = bot()
    const { result } = await first.request(restingBuy())
    const orderId = String(result?.order_id)
    await until(() => first.orders.has(orderId), 30_000, 'the first bot')

    const late = bot()
    const [ack] = await late.subscribe(
      ExecutionSubscriptionRequest({ snap_orders: true }),
    )
    expect(ack?.success).toBe(true)
    await until(() => late.orders.has(orderId), 30_000, 'the late bot')
  })

  test('behavior: private frames travel only on the account subject, outside the stream, and no token is ever on NATS', async () => {
    const kraken = bot()
    const { result } = await kraken.request(restingBuy())
    const orderId = String(result?.order_id)
    await until(() => kraken.orders.has(orderId), 30_000, 'the order')
    const executions = wire.filter((m) => m.text.includes('"executions"'))
    expect(executions.length).toBeGreaterThan(0)
    for (const message of executions)
      expect(message.subject).toMatch(
        /^kraken\.spot-gateway\.private\.desk-1(\.subscribe)?$|^_INBOX\./,
      )
    for (const message of wire) {
      expect(message.text).not.toMatch(/token/i)
      expect(message.text).not.toContain(DEFAULT_TEST_CREDENTIALS.apiKey)
    }
    expect(wire.some((m) => m.text.includes(orderId))).toBe(true)
  })
})
