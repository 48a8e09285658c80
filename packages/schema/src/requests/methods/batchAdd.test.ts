import { expect, test } from 'vitest'
import { BatchAddRequest } from './batchAdd.js'

const order = (side: 'buy' | 'sell') =>
  ({
    order_type: 'limit',
    side,
    order_qty: '0.1',
    limit_price: '1010.10',
  }) as const

test('default', () => {
  expect(
    BatchAddRequest({
      symbol: 'BTC/USD',
      orders: [order('buy'), order('sell')],
    }),
  ).toStrictEqual({
    method: 'batch_add',
    params: { symbol: 'BTC/USD', orders: [order('buy'), order('sell')] },
  })
})

test('behavior: 15 orders is the most', () => {
  const orders = Array.from({ length: 15 }, () => order('buy'))
  expect(
    BatchAddRequest({ symbol: 'BTC/USD', orders }).params.orders,
  ).toHaveLength(15)
})

test('error: fewer than 2 or more than 15 orders', () => {
  for (const length of [0, 1, 16]) {
    const orders = Array.from({ length }, () => order('buy'))
    expect(
      () => BatchAddRequest({ symbol: 'BTC/USD', orders }),
      String(length),
    ).toThrow(
      expect.objectContaining({
        field: 'orders',
        shortMessage: expect.stringMatching(/2 to 15 orders/),
      }),
    )
  }
})

test('error: one symbol for the batch, fok refused, orders checked one by one', () => {
  expect(() =>
    BatchAddRequest({
      symbol: 'BTC/USD',
      orders: [
        order('buy'),
        { ...order('sell'), symbol: 'ETH/USD' } as ReturnType<typeof order>,
      ],
    }),
  ).toThrow(expect.objectContaining({ field: 'orders[1].symbol' }))
  expect(() =>
    BatchAddRequest({
      symbol: 'BTC/USD',
      orders: [
        order('buy'),
        { ...order('sell'), time_in_force: 'fok' as 'gtc' },
      ],
    }),
  ).toThrow(
    expect.objectContaining({
      field: 'orders[1].time_in_force',
      allowed: ['gtc', 'gtd', 'ioc'],
    }),
  )
  expect(() =>
    BatchAddRequest({
      symbol: 'BTC/USD',
      orders: [
        order('buy'),
        { ...order('sell'), cl_ord_id: 'a', order_userref: 1 },
      ],
    }),
  ).toThrow(expect.objectContaining({ field: 'orders[1].cl_ord_id' }))
})
