import { describe, expect, test } from 'vitest'
import {
  generateClientOrderId,
  isValidClientOrderId,
  withBatchClientOrderIds,
  withClientOrderId,
} from './clientOrderId.js'
import type { OrderParams } from './types.js'

const order: OrderParams = {
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: '1',
  limit_price: '1',
}

describe('isValidClientOrderId', () => {
  test('default', () => {
    expect(isValidClientOrderId('2c6be801-1f53-4f79-a0bb-4ea1c95dfae9')).toBe(
      true,
    )
    expect(isValidClientOrderId('2c6be8011f534f79a0bb4ea1c95dfae9')).toBe(true)
    expect(isValidClientOrderId('client-zero')).toBe(true)
    expect(isValidClientOrderId('exactly-18-chars!!')).toBe(true)
  })

  test('error: refuses what Kraken refuses', () => {
    expect(isValidClientOrderId('')).toBe(false)
    expect(isValidClientOrderId('nineteen-chars-long')).toBe(false)
    expect(isValidClientOrderId('tab\there')).toBe(false)
    expect(isValidClientOrderId('ünïcode')).toBe(false)
    expect(isValidClientOrderId('2c6be801-1f53-4f79-a0bb-4ea1c95dfaeZ')).toBe(
      false,
    )
  })

  test('behavior: generated ids are valid and distinct', () => {
    const a = generateClientOrderId()
    expect(isValidClientOrderId(a)).toBe(true)
    expect(a).toHaveLength(36)
    expect(generateClientOrderId()).not.toBe(a)
  })
})

describe('withClientOrderId', () => {
  test('default', () => {
    const r = withClientOrderId(order, () => 'fixed-id')
    expect(r).toEqual({ ok: true, value: { ...order, cl_ord_id: 'fixed-id' } })
    expect(order.cl_ord_id).toBeUndefined()
  })

  test('behavior: keeps a caller id or an order_userref untouched', () => {
    const withId = { ...order, cl_ord_id: 'mine' }
    expect(withClientOrderId(withId, () => 'x')).toEqual({
      ok: true,
      value: withId,
    })
    const withRef = { ...order, order_userref: 5 }
    expect(withClientOrderId(withRef, () => 'x')).toEqual({
      ok: true,
      value: withRef,
    })
  })

  test('error: both ids, or a malformed id', () => {
    expect(
      withClientOrderId({ ...order, cl_ord_id: 'a', order_userref: 1 }),
    ).toEqual({
      ok: false,
      reason:
        'the order has both cl_ord_id and order_userref; Kraken accepts only one',
    })
    expect(
      withClientOrderId({ ...order, cl_ord_id: 'x'.repeat(19) }),
    ).toMatchObject({ ok: false })
  })
})

describe('withBatchClientOrderIds', () => {
  test('default', () => {
    let n = 0
    const r = withBatchClientOrderIds(
      [order, { ...order, order_userref: 2 }, order],
      () => `id-${n++}`,
    )
    expect(r).toEqual({
      ok: true,
      value: [
        { ...order, cl_ord_id: 'id-0' },
        { ...order, order_userref: 2 },
        { ...order, cl_ord_id: 'id-1' },
      ],
    })
  })

  test('error: names the refused order and duplicates', () => {
    expect(
      withBatchClientOrderIds([
        order,
        { ...order, cl_ord_id: 'a', order_userref: 1 },
      ]),
    ).toEqual({
      ok: false,
      reason:
        'order 1 has both cl_ord_id and order_userref; Kraken accepts only one',
    })
    expect(
      withBatchClientOrderIds([
        { ...order, cl_ord_id: 'a' },
        { ...order, cl_ord_id: 'a' },
      ]),
    ).toEqual({
      ok: false,
      reason: 'order 1 repeats cl_ord_id a',
    })
  })
})
