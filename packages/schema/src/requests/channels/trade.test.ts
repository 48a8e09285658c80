import { expect, test } from 'vitest'
import { TradesSubscriptionRequest, TradesUnsubscribeRequest } from './trade.js'

test('default', () => {
  expect(TradesSubscriptionRequest(['BTC/USD'])).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'trade', symbol: ['BTC/USD'] },
  })
  expect(TradesUnsubscribeRequest(['BTC/USD'])).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'trade', symbol: ['BTC/USD'] },
  })
})

test('error: options of other channels', () => {
  expect(() =>
    TradesSubscriptionRequest('BTC/USD', { depth: 10 } as object),
  ).toThrow(expect.objectContaining({ field: 'depth' }))
})
