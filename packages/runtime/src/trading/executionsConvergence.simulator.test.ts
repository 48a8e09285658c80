/**
 * The client's open orders converge to the exchange's after frames of the
 * private socket are lost, against the simulator (a real Kraken v2 server on
 * loopback): a silence longer than `staleAfter` swallows a cancel's answer,
 * its `executions` update, and the ack and snapshot of the replay.
 */
import { DEFAULT_TEST_CREDENTIALS } from '@kraken-sockets/simulator'
import { describe, expect, test } from 'vitest'
import {
  AddOrderRequest,
  CancelOrderRequest,
  OutcomeUnknownError,
} from '../index.js'
import { eventually, useSimulator } from '../testing/simulatorHarness.js'

const harness = useSimulator({ rate: 0 })

describe('executions convergence', () => {
  test('error: a cancel swallowed by a long silence still closes the order once the silence ends', async () => {
    const { simulator } = harness
    const { kraken } = harness.connect({
      apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
      privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
      staleAfter: 1_500,
      // Generous: the add must be answered on a loaded machine; the cancel
      // waits it out in the silence, past staleAfter.
      requestTimeout: 5_000,
      reconnect: { initialDelay: 20, maxDelay: 50 },
    })
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
  })
})
