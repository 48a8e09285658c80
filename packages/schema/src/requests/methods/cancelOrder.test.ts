import { expect, test } from 'vitest'
import { CancelOrderRequest } from './cancelOrder.js'

test('default', () => {
  expect(
    CancelOrderRequest({
      order_id: ['OM5CRX-N2HAL-GFGWE9'],
      order_userref: [7],
    }),
  ).toStrictEqual({
    method: 'cancel_order',
    params: { order_id: ['OM5CRX-N2HAL-GFGWE9'], order_userref: [7] },
  })
})

test('error: no order named, or an empty list', () => {
  expect(() => CancelOrderRequest({})).toThrow(
    expect.objectContaining({ field: 'order_id' }),
  )
  expect(() => CancelOrderRequest({ cl_ord_id: [] })).toThrow(
    expect.objectContaining({ field: 'cl_ord_id' }),
  )
  expect(() => CancelOrderRequest({ order_userref: [1.5] })).toThrow(
    expect.objectContaining({ field: 'order_userref[0]' }),
  )
})
