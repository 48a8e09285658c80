import { expect, test } from 'vitest'
import { CancelAllRequest } from './cancelAll.js'
import { CancelAllOrdersAfterRequest } from './cancelAllOrdersAfter.js'
import { PingRequest } from './ping.js'

test('default', () => {
  expect(CancelAllRequest()).toStrictEqual({ method: 'cancel_all' })
  expect(PingRequest()).toStrictEqual({ method: 'ping' })
  expect(CancelAllOrdersAfterRequest({ timeout: 60 })).toStrictEqual({
    method: 'cancel_all_orders_after',
    params: { timeout: 60 },
  })
})

test('behavior: timeout 0 disables the switch', () => {
  expect(CancelAllOrdersAfterRequest({ timeout: 0 }).params.timeout).toBe(0)
})

test('error: timeout outside 0..86399 whole seconds', () => {
  for (const timeout of [-1, 86_400, 1.5, Number.NaN]) {
    expect(
      () => CancelAllOrdersAfterRequest({ timeout }),
      String(timeout),
    ).toThrow(
      expect.objectContaining({
        name: 'RequestValidationError',
        field: 'timeout',
      }),
    )
  }
})
