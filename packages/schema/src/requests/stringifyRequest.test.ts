import fc from 'fast-check'
import { expect, test } from 'vitest'
import { BookSubscriptionRequest } from './channels/book.js'
import { ExecutionSubscriptionRequest } from './channels/executions.js'
import { AddOrderRequest } from './methods/addOrder.js'
import { CancelAllRequest } from './methods/cancelAll.js'
import { CancelOrderRequest } from './methods/cancelOrder.js'
import { PingRequest } from './methods/ping.js'
import type { RequestMessage } from './requestMessage.js'
import { stringifyRequest } from './stringifyRequest.js'

const TOKEN = 'secret-ws-token/+='

const order = (limit_price: string | number | bigint) =>
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '0.0001',
    limit_price,
  })

/** The literal written for `key`, as text. */
const literalOf = (text: string, key: string) =>
  new RegExp(`"${key}":([^,}\\]]+)`).exec(text)?.[1]

test('default', () => {
  expect(stringifyRequest(order('26500.40'), { req_id: 7, token: TOKEN })).toBe(
    '{"method":"add_order","params":{"order_type":"limit","side":"buy","order_qty":0.0001,"limit_price":26500.40,"symbol":"BTC/USD","token":"secret-ws-token/+="},"req_id":7}',
  )
})

test('behavior: without options the frame has neither req_id nor token', () => {
  expect(stringifyRequest(CancelAllRequest())).toBe('{"method":"cancel_all"}')
  expect(stringifyRequest(PingRequest())).toBe('{"method":"ping"}')
})

test('behavior: the token goes into params, created when missing', () => {
  expect(
    stringifyRequest(CancelAllRequest(), { token: TOKEN, req_id: 1 }),
  ).toBe(`{"method":"cancel_all","params":{"token":"${TOKEN}"},"req_id":1}`)
  expect(
    JSON.parse(
      stringifyRequest(ExecutionSubscriptionRequest(), { token: TOKEN }),
    ),
  ).toEqual({
    method: 'subscribe',
    params: { channel: 'executions', token: TOKEN },
  })
})

test('behavior: public requests and ping never carry the token', () => {
  expect(stringifyRequest(PingRequest(), { token: TOKEN, req_id: 3 })).toBe(
    '{"method":"ping","req_id":3}',
  )
  expect(
    stringifyRequest(BookSubscriptionRequest('BTC/USD'), { token: TOKEN }),
  ).not.toContain(TOKEN)
})

test('behavior: a token already in hand-made params is replaced, not duplicated', () => {
  const request = {
    method: 'cancel_all',
    params: { token: 'stale' },
  } as unknown as RequestMessage
  expect(stringifyRequest(request, { token: TOKEN })).toBe(
    `{"method":"cancel_all","params":{"token":"${TOKEN}"}}`,
  )
})

test('behavior: numbers are written plainly and bigints exactly', () => {
  expect(literalOf(stringifyRequest(order(1e-8)), 'limit_price')).toBe(
    '0.00000001',
  )
  expect(literalOf(stringifyRequest(order(1e21)), 'limit_price')).toBe(
    '1000000000000000000000',
  )
  expect(literalOf(stringifyRequest(order(0.1 + 0.2)), 'limit_price')).toBe(
    '0.30000000000000004',
  )
  const big = CancelOrderRequest({ order_userref: [2n ** 63n + 1n, 5] })
  expect(stringifyRequest(big)).toBe(
    '{"method":"cancel_order","params":{"order_userref":[9223372036854775809,5]}}',
  )
})

test('behavior: any decimal string round-trips digit-exact', () => {
  const decimal = fc
    .tuple(
      fc.boolean(),
      fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9]\d{0,40}$/)),
      fc.option(fc.stringMatching(/^\d{1,40}$/), { nil: undefined }),
    )
    .map(
      ([negative, whole, fraction]) =>
        `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
    )
  fc.assert(
    fc.property(
      decimal,
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (price, reqId) => {
        const text = stringifyRequest(order(price), {
          req_id: reqId,
          token: TOKEN,
        })
        expect(literalOf(text, 'limit_price')).toBe(price)
        expect(JSON.parse(text).params.limit_price).toBe(Number(price))
      },
    ),
    { numRuns: 1000 },
  )
})

test('behavior: any finite number is written without exponent and parses back the same', () => {
  fc.assert(
    fc.property(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      (price) => {
        const text = stringifyRequest(order(price))
        const literal = literalOf(text, 'limit_price') ?? ''
        expect(literal).toMatch(/^-?\d+(?:\.\d+)?$/)
        expect(JSON.parse(text).params.limit_price).toBe(
          price === 0 ? 0 : price,
        )
      },
    ),
    { numRuns: 2000 },
  )
})

test('error: a money string that is not a decimal (hand-made request)', () => {
  const request = {
    method: 'add_order',
    params: {
      order_type: 'market',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: '1e-4',
    },
  } as unknown as RequestMessage
  expect(() => stringifyRequest(request, { token: TOKEN })).toThrow(
    expect.objectContaining({
      name: 'RequestValidationError',
      field: 'order_qty',
      message: expect.not.stringContaining(TOKEN),
    }),
  )
})

test('error: NaN anywhere, a non-integer req_id, an empty token', () => {
  const request = {
    method: 'cancel_all_orders_after',
    params: { timeout: Number.NaN },
  } as unknown as RequestMessage
  expect(() => stringifyRequest(request)).toThrow(
    expect.objectContaining({
      field: 'timeout',
      shortMessage: expect.stringMatching(/finite/),
    }),
  )
  expect(() => stringifyRequest(PingRequest(), { req_id: 1.5 })).toThrow(
    expect.objectContaining({ field: 'req_id' }),
  )
  expect(() => stringifyRequest(CancelAllRequest(), { token: '' })).toThrow(
    expect.objectContaining({ field: 'token' }),
  )
})

test('error: values JSON cannot hold', () => {
  const request = {
    method: 'cancel_order',
    params: { order_id: [new Date(0)] },
  } as unknown as RequestMessage
  expect(() => stringifyRequest(request)).toThrow(
    expect.objectContaining({ field: 'order_id[0]' }),
  )
})
