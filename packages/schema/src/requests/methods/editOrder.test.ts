import { expect, test } from 'vitest'
import { EditOrderRequest } from './editOrder.js'

test('default', () => {
  expect(
    EditOrderRequest({
      order_id: 'ORDERX-IDXXX-XXXXX1',
      symbol: 'BTC/USD',
      limit_price: '26000',
      triggers: { price: '1.5', reference: 'index' },
    }),
  ).toStrictEqual({
    method: 'edit_order',
    params: {
      order_id: 'ORDERX-IDXXX-XXXXX1',
      symbol: 'BTC/USD',
      limit_price: '26000',
      triggers: { price: '1.5', reference: 'index' },
    },
  })
})

test('error: order_id and symbol are required; cl_ord_id is not supported', () => {
  expect(() =>
    EditOrderRequest({ symbol: 'BTC/USD' } as {
      order_id: string
      symbol: string
    }),
  ).toThrow(expect.objectContaining({ field: 'order_id' }))
  expect(() =>
    EditOrderRequest({ order_id: 'O' } as { order_id: string; symbol: string }),
  ).toThrow(
    expect.objectContaining({
      field: 'symbol',
      shortMessage: expect.stringMatching(/required/),
    }),
  )
  expect(() =>
    EditOrderRequest({
      order_id: 'O',
      symbol: 'BTC/USD',
      cl_ord_id: 'abc',
    } as { order_id: string; symbol: string }),
  ).toThrow(expect.objectContaining({ field: 'cl_ord_id' }))
})
