import {
  AddOrderRequest,
  BatchAddRequest,
  BatchCancelRequest,
  CancelAllRequest,
  CancelOrderRequest,
} from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { rateChargesOf } from './rateCharges.js'

const orders: Record<string, { symbol: string; age: number }> = {
  O1: { symbol: 'BTC/USD', age: 2_000 },
  O2: { symbol: 'BTC/USD', age: 12_000 },
  O3: { symbol: 'ETH/USD', age: 400_000 },
}
const context = {
  order: (id: string) => {
    const known = orders[id]
    return known === undefined
      ? undefined
      : { order_id: id, symbol: known.symbol }
  },
  ageOf: (id: string) => orders[id]?.age,
}

describe('rateChargesOf', () => {
  test('default', () => {
    const add = AddOrderRequest({
      order_type: 'market',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: '1',
    })
    expect(rateChargesOf(add, context)).toEqual([
      { symbol: 'BTC/USD', transaction: { type: 'add' } },
    ])
  })

  test('behavior: cancels are priced per pair by age; unknown orders are skipped', () => {
    expect(
      rateChargesOf(
        CancelOrderRequest({ order_id: ['O1', 'O3', 'OX'] }),
        context,
      ),
    ).toEqual([
      { symbol: 'BTC/USD', transaction: { type: 'cancel', ageMs: 2_000 } },
      { symbol: 'ETH/USD', transaction: { type: 'cancel', ageMs: 400_000 } },
    ])
    expect(
      rateChargesOf(BatchCancelRequest({ orders: ['O1', 'O2'] }), context),
    ).toEqual([
      {
        symbol: 'BTC/USD',
        transaction: { type: 'batch_cancel', agesMs: [2_000, 12_000] },
      },
    ])
  })

  test('behavior: batch_add counts its orders; cancel_all is not priced', () => {
    const batch = BatchAddRequest({
      symbol: 'BTC/USD',
      orders: [
        { order_type: 'market', side: 'buy', order_qty: '1' },
        { order_type: 'market', side: 'sell', order_qty: '1' },
      ],
    })
    expect(rateChargesOf(batch, context)).toEqual([
      { symbol: 'BTC/USD', transaction: { type: 'batch_add', count: 2 } },
    ])
    expect(rateChargesOf(CancelAllRequest(), context)).toEqual([])
  })
})
