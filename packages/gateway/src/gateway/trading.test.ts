import {
  AddOrderRequest,
  AmendOrderRequest,
  CancelOrderRequest,
  KrakenRejectedError,
  KrakenWebSocketAPI,
} from '@kraken-sockets/runtime'
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { connect } from '@nats-io/transport-node'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { behindGateway } from '../client/behindGateway.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { type Gateway, startGateway } from './startGateway.js'

let nats: TestNatsServer
let simulator: Simulator
let gateway: Gateway
let bots: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 3, rate: 0 })
  // Only the gateway holds the API key; the bots below have none.
  gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    kraken: {
      publicUrl: simulator.publicUrl,
      privateUrl: simulator.privateUrl,
      restUrl: simulator.restUrl,
      apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
      privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
      trading: { rateCounter: { mode: 'refuse' } },
    },
  })
})

afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.stop()))
  bots = []
  await gateway.stop()
  await simulator.close()
  await nats.stop()
})

/** A bot with no Kraken keys, behind the gateway. */
function bot() {
  const kraken = new KrakenWebSocketAPI({
    logger: false,
    ...behindGateway({ servers: nats.url }),
  })
  bots.push(kraken)
  return kraken
}

/** A limit buy of BTC/USD far below the simulated market (about 65 000). */
const restingBuy = () =>
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '0.01',
    limit_price: '50000',
  })

describe('trading through the gateway', () => {
  test('default: a keyless bot places, amends and cancels with typed acks', async () => {
    const kraken = bot()
    const added = await kraken.request(restingBuy())
    const orderId = String(added.result?.order_id)
    expect(orderId).not.toBe('undefined')
    const amended = await kraken.request(
      AmendOrderRequest({ order_id: orderId, order_qty: '0.02' }),
    )
    expect(amended.result?.amend_id).toEqual(expect.any(String))
    const cancelled = await kraken.request(
      CancelOrderRequest({ order_id: [orderId] }),
    )
    expect(cancelled.result?.order_id).toBe(orderId)
    // The gateway's one trading socket sent them, with its own token.
    const sent = ['add_order', 'amend_order', 'cancel_order'].map(
      (method) => simulator.stats.requests({ method }).length,
    )
    expect(sent).toEqual([1, 1, 1])
    expect(gateway.stats().tradingRequests).toBe(3)
  })

  test("behavior: a bot's token never goes over NATS, and level 3 (not relayed) is refused locally", async () => {
    const kraken = bot()
    const seen: string[] = []
    const spy = await connect({ servers: nats.url })
    spy.subscribe('kraken.spot-gateway.>', {
      callback: (_error, msg) => {
        seen.push(msg.string())
      },
    })
    await spy.flush()
    await kraken.request(restingBuy())
    const acks = await kraken.subscribe({
      method: 'subscribe',
      params: { channel: 'level3', symbol: ['BTC/USD'] },
    } as never)
    await spy.close()
    expect(acks[0]).toMatchObject({ success: false })
    expect(String((acks[0] as { error?: string }).error)).toMatch(
      /^EGateway:Channel level3 is not relayed/,
    )
    const trades = seen.filter((body) => body.includes('add_order'))
    expect(trades).toHaveLength(1)
    expect(trades[0]).not.toContain('token')
    expect(seen.some((body) => body.includes('level3'))).toBe(false)
  })

  test('error: two bots share one rate counter, refused at the gateway before Kraken would', async () => {
    const bots = [bot(), bot()]
    // Starter tier: threshold 60. Each add (+1) and quick cancel (+8) costs 9,
    // whichever bot sends it: the counter is the gateway's, one per key.
    let refused: unknown
    for (let cycle = 0; cycle < 12 && refused === undefined; cycle++) {
      const kraken = bots[cycle % 2] as KrakenWebSocketAPI
      try {
        const ack = await kraken.request(restingBuy())
        const id = String(ack.result?.order_id)
        // The gateway's tracker must know the order to price its cancel.
        const deadline = Date.now() + 30_000
        while (!gateway.kraken.orders.has(id) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20))
        await kraken.request(CancelOrderRequest({ order_id: [id] }))
      } catch (error) {
        refused = error
      }
    }
    expect(refused).toBeInstanceOf(KrakenRejectedError)
    expect((refused as KrakenRejectedError).error).toMatch(
      /^EGateway:rate_limited: /,
    )
    // Seven adds and six cancels reached the simulator; none was refused there.
    expect(simulator.stats.requests({ method: 'add_order' })).toHaveLength(7)
    expect(simulator.stats.requests({ method: 'cancel_order' })).toHaveLength(6)
    expect(gateway.kraken.rateCounter?.count('BTC/USD')).toBeGreaterThan(54)
    // One trading socket at Kraken for both bots.
    const connections = new Set(
      simulator.stats
        .requests({ method: 'add_order' })
        .map((r) => r.connection),
    )
    expect(connections.size).toBe(1)
  })
})
