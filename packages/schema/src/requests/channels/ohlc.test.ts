import { expect, test } from 'vitest'
import {
  OHLC_INTERVALS,
  OHLCSubscriptionRequest,
  OHLCUnsubscribeRequest,
} from './ohlc.js'

test('default', () => {
  expect(OHLCSubscriptionRequest('BTC/USD')).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'ohlc', symbol: ['BTC/USD'], interval: 1 },
  })
  expect(OHLCUnsubscribeRequest('BTC/USD')).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'ohlc', symbol: ['BTC/USD'], interval: 1 },
  })
})

test('behavior: interval is always sent, snapshot only when given', () => {
  expect(
    OHLCSubscriptionRequest('BTC/USD', { interval: 21600, snapshot: false })
      .params,
  ).toStrictEqual({
    channel: 'ohlc',
    symbol: ['BTC/USD'],
    interval: 21600,
    snapshot: false,
  })
  expect(
    OHLCSubscriptionRequest('BTC/USD', { interval: undefined } as object).params
      .interval,
  ).toBe(1)
})

test("error: interval not in Kraken's list", () => {
  for (const interval of [2, 3, 120, 43200]) {
    expect(() =>
      OHLCSubscriptionRequest('BTC/USD', { interval: interval as 1 }),
    ).toThrow(
      expect.objectContaining({
        name: 'RequestValidationError',
        field: 'interval',
        allowed: [...OHLC_INTERVALS],
      }),
    )
  }
})
