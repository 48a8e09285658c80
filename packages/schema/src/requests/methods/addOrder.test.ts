import { describe, expect, test } from 'vitest'
import { AddOrderRequest } from './addOrder.js'

const invalid = (fields: Record<string, unknown>) =>
  expect.objectContaining({ name: 'RequestValidationError', ...fields })

const limit = {
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: '0.0001',
  limit_price: '26500.4',
} as const

test('default', () => {
  expect(AddOrderRequest(limit)).toStrictEqual({
    method: 'add_order',
    params: { ...limit },
  })
})

test('behavior: money keeps the value given; the output is a validated copy', () => {
  const triggers = { price: '-2.0', price_type: 'pct' } as const
  const request = AddOrderRequest({
    order_type: 'stop-loss',
    side: 'sell',
    symbol: 'MATIC/USD',
    order_qty: 100,
    triggers,
    order_userref: 2n ** 60n,
  })
  expect(request.params).toStrictEqual({
    order_type: 'stop-loss',
    side: 'sell',
    symbol: 'MATIC/USD',
    order_qty: 100,
    triggers: { price: '-2.0', price_type: 'pct' },
    order_userref: 2n ** 60n,
  })
  expect(request.params.triggers).not.toBe(triggers)
})

test('behavior: market buys may give cash_order_qty instead of order_qty', () => {
  expect(
    AddOrderRequest({
      order_type: 'market',
      side: 'buy',
      symbol: 'BTC/USD',
      cash_order_qty: '25.00',
    }).params,
  ).toStrictEqual({
    order_type: 'market',
    side: 'buy',
    symbol: 'BTC/USD',
    cash_order_qty: '25.00',
  })
})

describe('error', () => {
  test('error: unknown order type, side, time_in_force', () => {
    expect(() =>
      AddOrderRequest({ ...limit, order_type: 'stop' as 'limit' }),
    ).toThrow(
      invalid({
        field: 'order_type',
        allowed: expect.arrayContaining(['limit', 'market', 'settle-position']),
      }),
    )
    expect(() => AddOrderRequest({ ...limit, side: 'long' as 'buy' })).toThrow(
      invalid({ field: 'side', allowed: ['buy', 'sell'] }),
    )
    expect(() =>
      AddOrderRequest({ ...limit, time_in_force: 'GTC' as 'gtc' }),
    ).toThrow(
      invalid({
        field: 'time_in_force',
        allowed: ['gtc', 'gtd', 'ioc', 'fok'],
      }),
    )
  })

  test('error: unknown or invalid trigger fields', () => {
    const stop = { ...limit, order_type: 'stop-loss' } as const
    expect(() =>
      AddOrderRequest({
        ...stop,
        triggers: { price: '1', offset: '2' } as { price: string },
      }),
    ).toThrow(invalid({ field: 'triggers.offset' }))
    expect(() =>
      AddOrderRequest({
        ...stop,
        triggers: { price: '1', reference: 'mark' as 'last' },
      }),
    ).toThrow(
      invalid({ field: 'triggers.reference', allowed: ['index', 'last'] }),
    )
    expect(() =>
      AddOrderRequest({
        ...stop,
        triggers: { price: '1', price_type: 'percent' as 'pct' },
      }),
    ).toThrow(
      invalid({
        field: 'triggers.price_type',
        allowed: ['static', 'pct', 'quote'],
      }),
    )
    expect(() =>
      AddOrderRequest({ ...stop, triggers: {} as { price: string } }),
    ).toThrow(invalid({ field: 'triggers.price' }))
  })

  test('error: cl_ord_id together with order_userref', () => {
    expect(() =>
      AddOrderRequest({ ...limit, cl_ord_id: 'my-order-1', order_userref: 7 }),
    ).toThrow(
      invalid({
        field: 'cl_ord_id',
        shortMessage: expect.stringMatching(/mutually exclusive/),
      }),
    )
  })

  test('error: non-decimal money strings and negative quantities', () => {
    for (const [field, value] of [
      ['limit_price', '1e5'],
      ['limit_price', '26,500.4'],
      ['order_qty', '.5'],
      ['order_qty', '-1'],
      ['order_qty', Number.NaN],
    ] as const) {
      expect(
        () => AddOrderRequest({ ...limit, [field]: value }),
        `${field}=${value}`,
      ).toThrow(invalid({ field }))
    }
  })

  test('error: fields a type requires', () => {
    const { limit_price: _, ...noPrice } = limit
    expect(() => AddOrderRequest(noPrice)).toThrow(
      invalid({
        field: 'limit_price',
        shortMessage: expect.stringMatching(/"limit"/),
      }),
    )
    const { order_qty: __, ...noQty } = limit
    expect(() => AddOrderRequest(noQty)).toThrow(
      invalid({ field: 'order_qty' }),
    )
    expect(() =>
      AddOrderRequest({ ...limit, order_type: 'take-profit-limit' }),
    ).toThrow(invalid({ field: 'triggers' }))
    expect(() => AddOrderRequest({ ...limit, order_type: 'iceberg' })).toThrow(
      invalid({ field: 'display_qty' }),
    )
    expect(() => AddOrderRequest({ ...limit, time_in_force: 'gtd' })).toThrow(
      invalid({ field: 'expire_time' }),
    )
  })

  test('error: bad ids, timestamps and unknown fields', () => {
    expect(() =>
      AddOrderRequest({ ...limit, cl_ord_id: 'x'.repeat(19) }),
    ).toThrow(invalid({ field: 'cl_ord_id' }))
    expect(() =>
      AddOrderRequest({ ...limit, deadline: '2024-07-21 09:53:59' }),
    ).toThrow(invalid({ field: 'deadline' }))
    expect(() => AddOrderRequest({ ...limit, order_userref: 1.5 })).toThrow(
      invalid({ field: 'order_userref' }),
    )
    expect(() =>
      AddOrderRequest({ ...limit, price: '1' } as typeof limit),
    ).toThrow(invalid({ field: 'price' }))
    expect(() =>
      AddOrderRequest({
        ...limit,
        conditional: { order_type: 'market' as 'limit' },
      }),
    ).toThrow(invalid({ field: 'conditional.order_type' }))
  })

  test('error: details and the valibot cause list every problem', () => {
    let caught: unknown
    try {
      AddOrderRequest({ ...limit, side: 'up' as 'buy', order_qty: 'abc' })
    } catch (error) {
      caught = error
    }
    expect(caught).toEqual(invalid({ field: 'side' }))
    const error = caught as Error & {
      details: string
      cause: { issues: unknown[] }
    }
    expect(error.details).toMatch(/side .*; order_qty /)
    expect(error.cause.issues).toHaveLength(2)
  })
})
