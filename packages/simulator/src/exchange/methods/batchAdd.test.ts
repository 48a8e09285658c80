import { describe, expect, test } from 'vitest'
import {
  receivedSamples,
  setup,
  shapeOf,
  useFakeClockAt,
} from '../testing/harness.js'

useFakeClockAt('2022-06-13T08:09:09.123Z')

const order = (price: number, extra: Record<string, unknown> = {}) => ({
  order_type: 'limit',
  side: 'buy',
  order_qty: 0.01,
  limit_price: price,
  ...extra,
})

describe('batch_add', () => {
  test('default', () => {
    const { send, executions, exchange } = setup()
    const [response] = send(
      'batch_add',
      {
        symbol: 'BTC/USD',
        orders: [
          order(1010.1, { order_userref: 1 }),
          order(1010, { order_userref: 2 }),
        ],
      },
      1234567890,
    )
    const sample = receivedSamples('batch_add', (m) => m.success === true)[0]
    expect(shapeOf(response)).toEqual(shapeOf(sample))
    const result = response?.result as Record<string, unknown>[]
    expect(result.map(shapeOf)).toEqual(
      ((sample?.result ?? []) as unknown[]).map(shapeOf),
    )
    expect(result.map((r) => r.order_userref)).toEqual([1, 2])
    expect(executions().filter((r) => r.exec_type === 'new')).toHaveLength(2)
    expect(exchange.executionsSnapshot('alice')).toHaveLength(2)
  })

  test('behavior: results hold only order_id without client ids (as live)', () => {
    const { send } = setup()
    const [response] = send('batch_add', {
      symbol: 'BTC/USD',
      orders: [order(1000), order(1001)],
    })
    const live = receivedSamples(
      'batch_add',
      (m) => JSON.stringify(m.result).includes('userref') === false,
    )[0]
    expect(((response?.result ?? []) as unknown[]).map(shapeOf)).toEqual(
      ((live?.result ?? []) as unknown[]).map(shapeOf),
    )
  })

  test('error: one invalid order rejects the whole batch', () => {
    const { send, executions } = setup()
    const [response] = send('batch_add', {
      symbol: 'BTC/USD',
      orders: [order(1000), order(1000, { limit_price: '1' })],
    })
    expect(response?.error).toBe('Limit_price field must be a number_float')
    expect(executions()).toEqual([])
    expect(
      send('batch_add', { symbol: 'BTC/USD', orders: [order(1000)] })[0]?.error,
    ).toBe('EGeneral:Invalid arguments:orders')
    expect(
      send('batch_add', {
        symbol: 'BTC/USD',
        orders: Array.from({ length: 16 }, () => order(1000)),
      })[0]?.error,
    ).toBe('EGeneral:Invalid arguments:orders')
    expect(
      send('batch_add', {
        symbol: 'BTC/USD',
        orders: [order(1000), { ...order(1000), symbol: 'ETH/USD' }],
      })[0]?.error,
    ).toBe('EGeneral:Invalid arguments:orders')
    expect(
      send('batch_add', {
        symbol: 'NOPE/USD',
        orders: [order(1000), order(1000)],
      })[0]?.error,
    ).toBe('EQuery:Unknown asset pair')
  })

  test('behavior: an unfunded order is refused alone', () => {
    const { send, exchange } = setup({ balances: { alice: { USD: 15 } } })
    const [response] = send('batch_add', {
      symbol: 'BTC/USD',
      orders: [order(1000), order(1000)],
    })
    expect(response?.success).toBe(true)
    const result = response?.result as Record<string, unknown>[]
    expect(result[0]).toHaveProperty('order_id')
    expect(result[1]).toEqual({ error: 'EOrder:Insufficient funds' })
    expect(exchange.executionsSnapshot('alice')).toHaveLength(1)
  })

  test('behavior: validate books nothing', () => {
    const { send, executions } = setup()
    const [response] = send('batch_add', {
      symbol: 'BTC/USD',
      validate: true,
      orders: [order(1000), order(1000)],
    })
    expect(response?.result).toEqual([{}, {}])
    expect(executions()).toEqual([])
  })
})
