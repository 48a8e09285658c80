import { expect, test } from 'vitest'
import { KrakenError, KrakenSocketsError } from '../errors.js'
import {
  KrakenRejectedError,
  krakenErrorPrefix,
  NotSentError,
  OrderNotFilledError,
  OutcomeUnknownError,
} from './errors.js'

test('default', () => {
  const error = new KrakenRejectedError({
    method: 'add_order',
    error: 'EOrder:Insufficient funds',
    reqId: 7,
  })
  expect(error).toBeInstanceOf(KrakenError)
  expect(error.name).toBe('KrakenRejectedError')
  expect(error.prefix).toBe('EOrder')
  expect(error.reqId).toBe(7)
  expect(error.shortMessage).toBe('Kraken rejected "add_order".')
  expect(error.message).toContain('EOrder:Insufficient funds')
})

test('behavior: the prefix is absent from plain messages', () => {
  expect(
    krakenErrorPrefix('EGeneral:Invalid arguments:volume minimum not met'),
  ).toBe('EGeneral')
  expect(krakenErrorPrefix('EAPI:Invalid key')).toBe('EAPI')
  expect(krakenErrorPrefix('Token(s) not found')).toBeUndefined()
  expect(
    krakenErrorPrefix('Limit_price field must be a number_float'),
  ).toBeUndefined()
})

test('behavior: outcome unknown carries the cl_ord_id and the partial answers', () => {
  const cause = new Error('socket closed')
  const error = new OutcomeUnknownError({
    method: 'add_order',
    reason: 'disconnected',
    reqId: 3,
    clOrdId: 'a-id',
    partial: [],
    cause,
  })
  expect(error).toBeInstanceOf(KrakenSocketsError)
  expect(error.cause).toBe(cause)
  expect(error.shortMessage).toBe(
    'The outcome of "add_order" is unknown (cl_ord_id a-id).',
  )
  expect(error.details).toBe(
    'the connection closed before the answer; the request was sent and may have taken effect.',
  )
  const timeout = new OutcomeUnknownError({
    method: 'cancel_order',
    reason: 'timeout',
    timeout: 10_000,
  })
  expect(timeout.details).toContain('no answer within 10000 ms')
  expect(timeout.clOrdId).toBeUndefined()
  expect(timeout.clOrdIds).toEqual([])
  const batch = new OutcomeUnknownError({
    method: 'batch_add',
    reason: 'disconnected',
    clOrdIds: ['a', 'b'],
  })
  expect(batch.clOrdId).toBe('a')
  expect(batch.shortMessage).toBe(
    'The outcome of "batch_add" is unknown (2 orders, cl_ord_id a, ...).',
  )
})

test('behavior: not sent carries the code and reason', () => {
  const error = new NotSentError({
    method: 'add_order',
    reason: 'order_qty 0.00001 is below qty_min 0.0001 for BTC/USD',
  })
  expect(error.code).toBe('refused')
  expect(error.message).toBe(
    '"add_order" was not sent.\n\nDetails: order_qty 0.00001 is below qty_min 0.0001 for BTC/USD',
  )
  expect(
    new NotSentError({
      method: 'cancel_all',
      reason: 'socket closed',
      code: 'disconnected',
    }).code,
  ).toBe('disconnected')
})

test('behavior: order not filled names the final status', () => {
  const error = new OrderNotFilledError({
    id: 'OK4GJX-KSTLS-7DZZO5',
    status: 'canceled',
    order: { cum_qty: 0 },
  })
  expect(error.status).toBe('canceled')
  expect(error.message).toBe(
    'Order OK4GJX-KSTLS-7DZZO5 ended canceled, not filled.',
  )
})
