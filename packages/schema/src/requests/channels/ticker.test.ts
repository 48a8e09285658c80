import { expect, test } from 'vitest'
import {
  TickerSubscriptionRequest,
  TickerUnsubscribeRequest,
} from './ticker.js'

test('default', () => {
  expect(TickerSubscriptionRequest('BTC/USD')).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'ticker', symbol: ['BTC/USD'] },
  })
})

test('behavior: event_trigger and snapshot are sent when given', () => {
  expect(
    TickerSubscriptionRequest(['BTC/USD'], {
      event_trigger: 'bbo',
      snapshot: false,
    }).params,
  ).toStrictEqual({
    channel: 'ticker',
    symbol: ['BTC/USD'],
    event_trigger: 'bbo',
    snapshot: false,
  })
  expect(
    TickerUnsubscribeRequest(['BTC/USD'], { event_trigger: 'bbo' }).params,
  ).toStrictEqual({
    channel: 'ticker',
    symbol: ['BTC/USD'],
    event_trigger: 'bbo',
  })
})

test('behavior: undefined options count as not given', () => {
  expect(
    TickerSubscriptionRequest('BTC/USD', { snapshot: undefined } as object),
  ).toStrictEqual(TickerSubscriptionRequest('BTC/USD'))
})

test('error: unknown event_trigger, non-boolean snapshot', () => {
  expect(() =>
    TickerSubscriptionRequest('BTC/USD', { event_trigger: 'book' as 'bbo' }),
  ).toThrow(
    expect.objectContaining({
      field: 'event_trigger',
      allowed: ['bbo', 'trades'],
    }),
  )
  expect(() =>
    TickerSubscriptionRequest('BTC/USD', {
      snapshot: 'yes' as unknown as boolean,
    }),
  ).toThrow(expect.objectContaining({ field: 'snapshot', allowed: undefined }))
})
