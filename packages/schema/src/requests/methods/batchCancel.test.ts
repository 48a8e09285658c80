import { expect, test } from 'vitest'
import { BatchCancelRequest } from './batchCancel.js'

const ids = (count: number) =>
  Array.from({ length: count }, (_, index) => `ORDER${index}`)

test('default', () => {
  expect(
    BatchCancelRequest({ orders: ['1', 'OM5CRX-N2HAL-GFGWE9'] }),
  ).toStrictEqual({
    method: 'batch_cancel',
    params: { orders: ['1', 'OM5CRX-N2HAL-GFGWE9'] },
  })
})

test('behavior: orders and cl_ord_id count together, up to 50', () => {
  expect(
    BatchCancelRequest({ orders: ids(25), cl_ord_id: ids(25) }).params.orders,
  ).toHaveLength(25)
  expect(
    BatchCancelRequest({ orders: ['A'], cl_ord_id: ['b'] }).params,
  ).toStrictEqual({
    orders: ['A'],
    cl_ord_id: ['b'],
  })
})

test('error: fewer than 2 or more than 50 ids', () => {
  for (const params of [
    {},
    { orders: ids(1) },
    { orders: ids(51) },
    { orders: ids(30), cl_ord_id: ids(21) },
  ]) {
    expect(() => BatchCancelRequest(params)).toThrow(
      expect.objectContaining({
        field: 'orders',
        shortMessage: expect.stringMatching(/2 to 50 orders/),
      }),
    )
  }
})
