import { expect, test } from 'vitest'
import {
  INSTRUMENT_EXECUTION_VENUES,
  InstrumentsSubscriptionRequest,
  InstrumentsUnsubscribeRequest,
} from './instrument.js'

test('default', () => {
  expect(InstrumentsSubscriptionRequest()).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'instrument' },
  })
  expect(InstrumentsUnsubscribeRequest()).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'instrument' },
  })
})

test('behavior: venue and tokenized assets are sent when given', () => {
  expect(
    InstrumentsSubscriptionRequest({
      execution_venue: 'bitnomial-exchange',
      include_tokenized_assets: true,
    }).params,
  ).toStrictEqual({
    channel: 'instrument',
    execution_venue: 'bitnomial-exchange',
    include_tokenized_assets: true,
  })
})

test('error: unknown venue, symbols', () => {
  expect(() =>
    InstrumentsSubscriptionRequest({
      execution_venue: 'nyse' as 'international',
    }),
  ).toThrow(
    expect.objectContaining({
      field: 'execution_venue',
      allowed: [...INSTRUMENT_EXECUTION_VENUES],
    }),
  )
  expect(() =>
    InstrumentsSubscriptionRequest({ symbol: ['BTC/USD'] } as object),
  ).toThrow(expect.objectContaining({ field: 'symbol' }))
})
