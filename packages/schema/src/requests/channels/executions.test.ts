import { expect, test } from 'vitest'
import {
  ExecutionSubscriptionRequest,
  ExecutionUnsubscribeRequest,
} from './executions.js'

test('default', () => {
  expect(ExecutionSubscriptionRequest()).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'executions' },
  })
  expect(ExecutionUnsubscribeRequest()).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'executions' },
  })
})

test('behavior: ratecounter and users are sent only when given, never as null', () => {
  expect(
    ExecutionSubscriptionRequest({ snap_trades: true, snap_orders: false })
      .params,
  ).toStrictEqual({
    channel: 'executions',
    snap_trades: true,
    snap_orders: false,
  })
  expect(
    ExecutionSubscriptionRequest({
      ratecounter: true,
      users: 'all',
      order_status: false,
    }).params,
  ).toStrictEqual({
    channel: 'executions',
    ratecounter: true,
    users: 'all',
    order_status: false,
  })
})

test('error: users other than "all", including null', () => {
  for (const users of ['some', null]) {
    expect(() =>
      ExecutionSubscriptionRequest({ users: users as 'all' }),
    ).toThrow(expect.objectContaining({ field: 'users', allowed: ['all'] }))
  }
})
