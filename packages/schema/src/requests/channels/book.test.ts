import { expect, test } from 'vitest'
import {
  BOOK_DEPTHS,
  BookSubscriptionRequest,
  BookUnsubscribeRequest,
} from './book.js'

const invalid = (fields: Record<string, unknown>) =>
  expect.objectContaining({ name: 'RequestValidationError', ...fields })

test('default', () => {
  expect(BookSubscriptionRequest(['BTC/USD', 'ETH/USD'])).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD', 'ETH/USD'] },
  })
})

test('behavior: only the options given are sent, depth and snapshot included', () => {
  expect(
    BookSubscriptionRequest('BTC/USD', { depth: 1000, snapshot: false }),
  ).toStrictEqual({
    method: 'subscribe',
    params: {
      channel: 'book',
      symbol: ['BTC/USD'],
      depth: 1000,
      snapshot: false,
    },
  })
  expect(BookUnsubscribeRequest(['BTC/USD'], { depth: 25 })).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'book', symbol: ['BTC/USD'], depth: 25 },
  })
})

test('behavior: the output is a copy of the symbols given', () => {
  const symbols = ['BTC/USD']
  const request = BookSubscriptionRequest(symbols)
  symbols.push('ETH/USD')
  expect(request.params.symbol).toEqual(['BTC/USD'])
})

test('error: depth not in 10/25/100/500/1000', () => {
  for (const depth of [0, 20, 50, 250]) {
    expect(() =>
      BookSubscriptionRequest('BTC/USD', { depth: depth as 10 }),
    ).toThrow(invalid({ field: 'depth', allowed: [...BOOK_DEPTHS] }))
  }
  expect(() => BookUnsubscribeRequest('BTC/USD', { depth: 20 as 10 })).toThrow(
    /"depth" must be one of 10, 25, 100, 500, 1000 \(received 20\)/,
  )
})

test('error: empty or malformed symbol lists', () => {
  expect(() => BookSubscriptionRequest([])).toThrow(
    invalid({
      field: 'symbol',
      shortMessage: expect.stringMatching(/at least one symbol/),
    }),
  )
  expect(() => BookSubscriptionRequest(['BTC/USD', 'XBTUSD'])).toThrow(
    invalid({ field: 'symbol[1]' }),
  )
  expect(() => BookSubscriptionRequest(42 as unknown as string)).toThrow(
    invalid({ field: 'symbol' }),
  )
})

test('error: unknown options, and the fields the builder sets itself', () => {
  expect(() =>
    BookSubscriptionRequest('BTC/USD', { dept: 10 } as unknown as object),
  ).toThrow(
    invalid({
      field: 'dept',
      shortMessage: expect.stringMatching(/not a parameter/),
    }),
  )
  expect(() =>
    BookSubscriptionRequest('BTC/USD', {
      channel: 'ticker',
    } as unknown as object),
  ).toThrow(invalid({ field: 'channel' }))
  expect(() =>
    BookSubscriptionRequest('BTC/USD', {
      symbol: ['ETH/USD'],
    } as unknown as object),
  ).toThrow(invalid({ field: 'symbol' }))
})

test('error: the token and req_id are refused without echoing them', () => {
  const secret = 'do-not-leak-this-token'
  let caught: unknown
  try {
    BookSubscriptionRequest('BTC/USD', { token: secret } as unknown as object)
  } catch (error) {
    caught = error
  }
  expect(caught).toEqual(invalid({ field: 'token' }))
  expect((caught as Error).cause).toBeUndefined()
  expect(String(caught)).not.toContain(secret)
  expect(JSON.stringify({ ...(caught as object) })).not.toContain(secret)
  expect(() =>
    BookSubscriptionRequest('BTC/USD', { req_id: 1 } as unknown as object),
  ).toThrow(invalid({ field: 'req_id' }))
})
