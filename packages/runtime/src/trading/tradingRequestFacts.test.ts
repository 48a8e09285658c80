import {
  AddOrderRequest,
  BatchAddRequest,
  CancelOrderRequest,
} from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { tradingRequestFactsOf } from './tradingRequestFacts.js'

const order = {
  order_type: 'limit',
  side: 'buy',
  order_qty: '0.01',
  limit_price: '50000',
} as const

describe('tradingRequestFactsOf', () => {
  test('behavior: an add with only order_userref is a new order known by its tag', () => {
    const facts = tradingRequestFactsOf(
      AddOrderRequest({ ...order, symbol: 'BTC/USD', order_userref: 9 }),
    )
    expect(facts.newOrderIds).toEqual([])
    expect(facts.newOrderUserrefs).toEqual([9])
  })

  test('behavior: batch orders with a cl_ord_id, or tagged 0, are not counted by tag', () => {
    const facts = tradingRequestFactsOf(
      BatchAddRequest({
        symbol: 'BTC/USD',
        orders: [
          { ...order, cl_ord_id: 'a' },
          { ...order, order_userref: 0 },
          { ...order, order_userref: 12 },
        ],
      }),
    )
    expect(facts.newOrderIds).toEqual(['a'])
    expect(facts.newOrderUserrefs).toEqual([12])
  })

  test('behavior: validate-only adds and cancels create no order', () => {
    const validate = AddOrderRequest({
      ...order,
      symbol: 'BTC/USD',
      order_userref: 9,
      validate: true,
    })
    expect(tradingRequestFactsOf(validate).newOrderUserrefs).toEqual([])
    const cancel = CancelOrderRequest({ order_userref: [9] })
    expect(tradingRequestFactsOf(cancel).newOrderUserrefs).toEqual([])
  })
})
