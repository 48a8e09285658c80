import { expect, test } from 'vitest'
import {
  LEVEL3_DEPTHS,
  Level3SubscriptionRequest,
  Level3UnsubscribeRequest,
  OrdersSubscriptionRequest,
  OrdersUnsubscribeRequest,
} from './level3.js'

test('default', () => {
  expect(OrdersSubscriptionRequest(['BTC/USD'])).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'level3', symbol: ['BTC/USD'] },
  })
})

test('behavior: aliases name the same builders', () => {
  expect(Level3SubscriptionRequest).toBe(OrdersSubscriptionRequest)
  expect(Level3UnsubscribeRequest).toBe(OrdersUnsubscribeRequest)
  expect(OrdersUnsubscribeRequest('BTC/USD', { depth: 100 })).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'level3', symbol: ['BTC/USD'], depth: 100 },
  })
})

test('error: depth not in 10/100/1000', () => {
  for (const depth of [25, 500]) {
    expect(() =>
      OrdersSubscriptionRequest('BTC/USD', { depth: depth as 10 }),
    ).toThrow(
      expect.objectContaining({
        name: 'RequestValidationError',
        request: 'subscribe level3',
        field: 'depth',
        allowed: [...LEVEL3_DEPTHS],
      }),
    )
  }
})
