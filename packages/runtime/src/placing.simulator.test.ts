/**
 * `place()` hands back the order's handle; `order()` of an empty or unknown
 * id settles at once instead of waiting forever.
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import {
  AddOrderRequest,
  CancelOrderRequest,
  KrakenWebSocketAPI,
} from './index.js'

/** vi.waitFor's own limit is 1 s of real time, too short on a loaded machine. */
const LOADED_MACHINE = { timeout: 120_000 }

let simulator: Simulator
let kraken: KrakenWebSocketAPI

beforeEach(async () => {
  simulator = await startSimulator({ rate: 0 })
  kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    logger: false,
  })
})

afterEach(async () => {
  await kraken.stop()
  await simulator.close()
})

/** A limit buy of BTC/USD far below the simulated market. */
const restingBuy = () =>
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '0.01',
    limit_price: '50000',
  })

test('behavior: place() resolves with the ack and a handle that follows the order to its end', async () => {
  const { ack, order } = await kraken.place(restingBuy())
  expect(ack.success).toBe(true)
  expect(ack.result.order_id).toMatch(/^O/)
  await vi.waitFor(
    () => expect(order.order?.order_status).toBe('new'),
    LOADED_MACHINE,
  )
  await kraken.request(
    CancelOrderRequest({ order_id: [ack.result.order_id ?? ''] }),
  )
  await expect(order.done).resolves.toMatchObject({ status: 'canceled' })
})

test('behavior: order() of an empty id settles missing at once', async () => {
  await expect(kraken.order('').done).resolves.toMatchObject({
    status: 'missing',
    reason: expect.stringMatching(/empty id/),
  })
})

test('behavior: order() of an unknown id settles missing at once once the executions snapshot arrived', async () => {
  await kraken.place(restingBuy())
  await vi.waitFor(async () => {
    const outcome = await Promise.race([
      kraken.order('OUNKWN-00000-000000').done,
      new Promise((resolve) => setTimeout(() => resolve('pending'), 10)),
    ])
    expect(outcome).toMatchObject({
      status: 'missing',
      reason: expect.stringMatching(/No order OUNKWN-00000-000000/),
    })
  }, LOADED_MACHINE)
})

test('error: place() takes only add_order', async () => {
  await expect(
    kraken.place(CancelOrderRequest({ order_id: ['X'] }) as never),
  ).rejects.toThrow(TypeError)
})
