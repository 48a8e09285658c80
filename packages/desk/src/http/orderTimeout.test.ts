/** An order Kraken answers late: the desk stops waiting and says the outcome is unknown. */
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { clOrdIdForKey } from '../idempotency.js'
import { startTestDesk, type TestDesk } from '../testing/testDesk.js'

let t: TestDesk

beforeAll(async () => {
  t = await startTestDesk({ orderTimeout: 300 })
})

afterAll(async () => {
  await t?.close()
})

test('error: no answer within the order timeout is outcome_unknown, with the cl_ord_id to look for', async () => {
  const book = (await (await t.call('/book?symbol=BTC/USD')).json()) as {
    mid: number
  }
  t.simulator.inject({ type: 'delayAcks', ms: 1_500 })
  const body = JSON.stringify({
    symbol: 'BTC/USD',
    side: 'buy',
    order_type: 'limit',
    order_qty: '0.001',
    limit_price: (book.mid * 0.97).toFixed(1),
  })
  const headers = { 'Idempotency-Key': 'slow-order-1' }
  const response = await t.call('/orders', { method: 'POST', body, headers })
  expect(response.status).toBe(504)
  const clOrdId = clOrdIdForKey('slow-order-1')
  expect(await response.json()).toMatchObject({
    error: { kind: 'outcome_unknown', reason: 'timeout', cl_ord_id: clOrdId },
  })
  t.simulator.inject({ type: 'delayAcks', ms: 0 })
  // It was live after all: it shows up among the open orders under that cl_ord_id.
  await vi.waitFor(
    async () => {
      const { orders } = (await (await t.call('/orders')).json()) as {
        orders: { cl_ord_id?: string }[]
      }
      expect(orders.map((o) => o.cl_ord_id)).toContain(clOrdId)
    },
    { timeout: 10_000, interval: 100 },
  )
  // A retry with the same key does not place a second order.
  const retry = await t.call('/orders', { method: 'POST', body, headers })
  expect(retry.status).toBe(504)
  await retry.body?.cancel()
  expect(t.simulator.stats.requests({ method: 'add_order' })).toHaveLength(1)
})
