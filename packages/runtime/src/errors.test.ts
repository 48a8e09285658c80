import { expect, test } from 'vitest'
import {
  DecodeFailureError,
  HandlerError,
  KrakenError,
  KrakenSocketsError,
  SubscriptionLimitError,
  TaskError,
} from './errors.js'

test('default', () => {
  const error = new KrakenError({
    method: 'add_order',
    error: 'EOrder:Insufficient funds',
    reqId: 7,
    response: { success: false },
  })
  expect(error).toBeInstanceOf(KrakenSocketsError)
  expect(error).toBeInstanceOf(Error)
  expect(error).toMatchObject({
    name: 'KrakenError',
    shortMessage: 'Kraken rejected "add_order".',
    details: 'EOrder:Insufficient funds',
    method: 'add_order',
    error: 'EOrder:Insufficient funds',
    reqId: 7,
  })
  expect(error.message).toBe(
    'Kraken rejected "add_order".\n\nDetails: EOrder:Insufficient funds',
  )
})

test('behavior: each class pins its name and fields', () => {
  const cause = new TypeError('bad')
  function onTicker() {}
  const handler = new HandlerError({
    key: 'Response',
    type: 'TickerUpdateResponse',
    handler: onTicker,
    value: 1,
    cause,
  })
  expect(handler).toMatchObject({
    name: 'HandlerError',
    key: 'Response',
    type: 'TickerUpdateResponse',
    value: 1,
    cause,
  })
  expect(handler.message).toBe(
    'Handler "onTicker" for Response failed.\n\nDetails: TypeError: bad',
  )
  const decode = new DecodeFailureError({
    raw: '{"x":',
    path: 'data[2].price',
    reason: 'Invalid type',
  })
  expect(decode).toMatchObject({
    name: 'DecodeFailureError',
    raw: '{"x":',
    path: 'data[2].price',
  })
  expect(decode.shortMessage).toBe(
    'A received frame could not be decoded at "data[2].price".',
  )
  expect(new DecodeFailureError({ raw: 'x', reason: 'not JSON' }).path).toBe('')
  const task = new TaskError({ task: 'poll', reason: 'stop-timeout' })
  expect(task).toMatchObject({
    name: 'TaskError',
    task: 'poll',
    reason: 'stop-timeout',
    details: undefined,
  })
  expect(
    new SubscriptionLimitError({
      channel: 'level3',
      limit: 200,
      requested: 201,
    }).name,
  ).toBe('SubscriptionLimitError')
  expect(new KrakenSocketsError('x')).not.toHaveProperty('cause')
})
