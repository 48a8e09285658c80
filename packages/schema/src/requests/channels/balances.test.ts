import { expect, test } from 'vitest'
import {
  BalancesSubscriptionRequest,
  BalancesUnsubscribeRequest,
} from './balances.js'

test('default', () => {
  expect(BalancesSubscriptionRequest()).toStrictEqual({
    method: 'subscribe',
    params: { channel: 'balances' },
  })
  expect(BalancesUnsubscribeRequest()).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'balances' },
  })
})

test('behavior: rebased and users are sent inside params, only when given', () => {
  expect(
    BalancesSubscriptionRequest({
      rebased: false,
      users: 'all',
      snapshot: false,
    }).params,
  ).toStrictEqual({
    channel: 'balances',
    rebased: false,
    users: 'all',
    snapshot: false,
  })
})

test('error: non-boolean rebased', () => {
  expect(() =>
    BalancesSubscriptionRequest({ rebased: 1 as unknown as boolean }),
  ).toThrow(expect.objectContaining({ field: 'rebased' }))
})
