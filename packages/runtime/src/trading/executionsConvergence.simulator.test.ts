/**
 * The client's open orders converge to the exchange's after frames of the
 * private socket are lost, against the simulator (a real Kraken v2 server on
 * loopback): a silence longer than `staleAfter` swallows a cancel's answer,
 * its `executions` update, and the ack and snapshot of the replay.
 */
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { afterEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import {
  AddOrderRequest,
  CancelOrderRequest,
  KrakenWebSocketAPI,
  OutcomeUnknownError,
} from '../index.js'

const open: { simulators: Simulator[]; clients: KrakenWebSocketAPI[] } = {
  simulators: [],
  clients: [],
}

afterEach(async () => {
  await Promise.all(open.clients.splice(0).map((client) => client.stop()))
  await Promise.all(open.simulators.splice(0).map((sim) => sim.close()))
})

/** Resolves once `predicate` holds (checked every 20 ms); the test's timeout bounds it. */
async function eventually(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('executions convergence', () => {
  test('error: a cancel swallowed by a long silence still closes the order once the silence ends', async () => {
    const simulator = await startSimulator({ rate: 0 })
    open.simulators.push(simulator)
    const kraken = new KrakenWebSocketAPI({
      publicUrl: simulator.publicUrl,
      privateUrl: simulator.privateUrl,
      level3Url: simulator.level3Url,
      restUrl: simulator.restUrl,
      apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
      privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
      WebSocket,
      logger: false,
      staleAfter: 1_500,
      // Generous: the add must be answered on a loaded machine; the cancel
      // waits it out in the silence, past staleAfter.
      requestTimeout: 5_000,
      reconnect: { initialDelay: 20, maxDelay: 50 },
    })
    open.clients.push(kraken)
    const ack = await kraken.request(
      AddOrderRequest({
        order_type: 'limit',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.01',
        limit_price: '50000',
      }),
    )
    const orderId = ack.result?.order_id ?? ''
    await eventually(() => kraken.orders.has(orderId))
    // Silent everywhere, new sockets included: the exchange cancels, the
    // client hears nothing (answer, update, nor the replay's ack and snapshot).
    await simulator.inject({ type: 'silence' })
    const cancel = kraken
      .request(CancelOrderRequest({ order_id: [orderId] }))
      .catch((error: unknown) => error)
    expect(await cancel).toBeInstanceOf(OutcomeUnknownError)
    // Past staleAfter by now: the client reconnected into the silence.
    await simulator.inject({ type: 'silence', enabled: false })
    await eventually(() => !kraken.orders.has(orderId))
    // Every intent (executions, instrument) converges live as well.
    await eventually(() => kraken.stats().subscriptions.pending === 0)
    expect(kraken.stats().subscriptions.rejected).toBe(0)
  }, 60_000)
})
