import { expect, test } from 'vitest'
import { AmendOrderRequest } from './amendOrder.js'

test('default', () => {
  expect(
    AmendOrderRequest({ order_id: 'OAIYAU-LGI3M-PFM5VW', order_qty: '1.2' }),
  ).toStrictEqual({
    method: 'amend_order',
    params: { order_id: 'OAIYAU-LGI3M-PFM5VW', order_qty: '1.2' },
  })
})

test('error: the order must be named and something must change', () => {
  expect(() => AmendOrderRequest({ order_qty: '1' })).toThrow(
    expect.objectContaining({ field: 'order_id' }),
  )
  expect(() =>
    AmendOrderRequest({ order_id: 'OAIYAU-LGI3M-PFM5VW', post_only: true }),
  ).toThrow(expect.objectContaining({ field: 'order_qty' }))
})

test('error: unknown price types and fields', () => {
  expect(() =>
    AmendOrderRequest({
      order_id: 'O',
      trigger_price: '5',
      trigger_price_type: 'abs' as 'static',
    }),
  ).toThrow(
    expect.objectContaining({
      field: 'trigger_price_type',
      allowed: ['static', 'pct', 'quote'],
    }),
  )
  expect(() =>
    AmendOrderRequest({
      order_id: 'O',
      order_qty: '1',
      side: 'buy',
    } as object as {
      order_id: string
    }),
  ).toThrow(expect.objectContaining({ field: 'side' }))
})
