import { describe, expect, test } from 'vitest'
import { checkOrderAllowed } from './orderGuards.js'
import type { OrderParams } from './types.js'

const limit: OrderParams = {
  order_type: 'limit',
  side: 'buy',
  order_qty: 1,
  limit_price: 1,
}
const market: OrderParams = { order_type: 'market', side: 'buy', order_qty: 1 }

describe('checkOrderAllowed', () => {
  test('default', () => {
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [market],
        systemStatus: 'online',
        pairStatus: 'online',
      }),
    ).toEqual({
      ok: true,
    })
  })

  test('behavior: unknown statuses pass (Kraken decides)', () => {
    expect(
      checkOrderAllowed({ method: 'add_order', orders: [market] }),
    ).toEqual({ ok: true })
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [market],
        pairStatus: 'something_new',
      }),
    ).toEqual({ ok: true })
  })

  test('behavior: cancellations are never refused', () => {
    for (const method of [
      'cancel_order',
      'cancel_all',
      'batch_cancel',
      'cancel_all_orders_after',
    ] as const) {
      expect(
        checkOrderAllowed({
          method,
          systemStatus: 'maintenance',
          pairStatus: 'delisted',
        }),
      ).toEqual({ ok: true })
    }
  })

  test('error: no new orders in maintenance or cancel_only', () => {
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [limit],
        systemStatus: 'maintenance',
      }),
    ).toEqual({
      ok: false,
      reason:
        'add_order refused: the trading engine is in maintenance mode (status.system)',
    })
    expect(
      checkOrderAllowed({
        method: 'amend_order',
        orders: [{ order_qty: 2 }],
        systemStatus: 'cancel_only',
      }),
    ).toMatchObject({
      ok: false,
    })
    for (const pairStatus of [
      'maintenance',
      'cancel_only',
      'delisted',
      'work_in_progress',
    ]) {
      expect(
        checkOrderAllowed({
          method: 'batch_add',
          orders: [limit, limit],
          pairStatus,
          symbol: 'BTC/USD',
        }),
      ).toEqual({
        ok: false,
        reason: `batch_add refused: BTC/USD is in ${pairStatus} status (instrument pair status)`,
      })
    }
  })

  test('error: post_only needs limit orders with post_only: true', () => {
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [limit],
        systemStatus: 'post_only',
      }),
    ).toEqual({
      ok: false,
      reason:
        'add_order refused: the order must be a limit order with post_only: true while the trading engine is in post_only mode (status.system)',
    })
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [{ ...limit, post_only: true }],
        systemStatus: 'post_only',
      }),
    ).toEqual({ ok: true })
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [{ ...market, post_only: true }],
        pairStatus: 'post_only',
      }),
    ).toMatchObject({ ok: false })
    expect(
      checkOrderAllowed({
        method: 'batch_add',
        orders: [{ ...limit, post_only: true }, limit],
        systemStatus: 'post_only',
      }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('order 1 must be a limit order'),
    })
    expect(
      checkOrderAllowed({
        method: 'amend_order',
        orders: [{ limit_price: 2 }],
        systemStatus: 'post_only',
      }),
    ).toMatchObject({
      ok: false,
    })
    expect(
      checkOrderAllowed({
        method: 'amend_order',
        orders: [{ order_qty: 2 }],
        systemStatus: 'post_only',
      }),
    ).toEqual({
      ok: true,
    })
  })

  test('error: market-priced orders while limit_only', () => {
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [market],
        pairStatus: 'limit_only',
        symbol: 'BTC/USD',
      }),
    ).toEqual({
      ok: false,
      reason:
        'add_order refused: the order is a market order, but BTC/USD is in limit_only status (instrument pair status)',
    })
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [{ ...market, order_type: 'stop-loss' }],
        pairStatus: 'limit_only',
      }),
    ).toMatchObject({ ok: false })
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [{ ...limit, order_type: 'stop-loss-limit' }],
        pairStatus: 'limit_only',
      }),
    ).toEqual({ ok: true })
  })

  test('error: reduce_only pairs need reduce_only orders', () => {
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [limit],
        pairStatus: 'reduce_only',
      }),
    ).toMatchObject({ ok: false })
    expect(
      checkOrderAllowed({
        method: 'add_order',
        orders: [{ ...limit, reduce_only: true }],
        pairStatus: 'reduce_only',
      }),
    ).toEqual({ ok: true })
  })
})
