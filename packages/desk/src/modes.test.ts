/** The desk's modes against the simulator: validate places nothing; paper needs a loopback venue. */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDesk } from './desk.js'
import { DeskConfigError } from './errors.js'
import { startTestDesk, type TestDesk } from './testing/testDesk.js'

let t: TestDesk

beforeAll(async () => {
  t = await startTestDesk({ mode: 'validate' })
})

afterAll(async () => {
  await t?.close()
})

test('behavior: validate mode sends validate: true and places nothing', async () => {
  const book = (await (await t.call('/book?symbol=BTC/USD')).json()) as {
    mid: number
  }
  const response = await t.call('/orders', {
    method: 'POST',
    body: JSON.stringify({
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'limit',
      order_qty: '0.001',
      limit_price: (book.mid * 0.99).toFixed(1),
    }),
  })
  const body = (await response.json()) as { mode: string }
  expect(response.status, JSON.stringify(body)).toBe(200)
  expect(body.mode).toBe('validate')
  const sent = t.simulator.stats.requests({ method: 'add_order' })
  expect(sent).toHaveLength(1)
  expect(sent[0]?.params?.validate).toBe(true)
  const orders = (await (await t.call('/orders')).json()) as {
    orders: unknown[]
  }
  expect(orders.orders).toEqual([])
  const amend = await t.call('/orders/amend', {
    method: 'POST',
    body: JSON.stringify({ order_id: 'OABC', order_qty: '1' }),
  })
  expect(await amend.json()).toMatchObject({
    error: { kind: 'risk_refused', rule: 'mode' },
  })
})

test('error: paper mode refuses a venue off loopback', () => {
  expect(() =>
    createDesk({
      mode: 'paper',
      kraken: { privateUrl: 'wss://ws-auth.kraken.com/v2' },
    }),
  ).toThrow(DeskConfigError)
  expect(() => createDesk({})).toThrow(/loopback/)
})
