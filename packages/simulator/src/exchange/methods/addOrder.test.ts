import { describe, expect, test, vi } from 'vitest'
import {
  limitBuy,
  receivedSamples,
  setup,
  shapeOf,
  useFakeClockAt,
} from '../testing/harness.js'

useFakeClockAt('2023-09-22T10:33:05.709Z')

const errorOf = (responses: readonly Record<string, unknown>[]) =>
  responses.map((r) => r.error)

describe('add_order', () => {
  test('default', () => {
    const { send, executions, exchange } = setup()
    const [response] = send(
      'add_order',
      limitBuy(26_000, { order_userref: 3 }),
      7,
    )
    const sample = receivedSamples('add_order', (m) => m.success === true)[0]
    expect(shapeOf(response)).toEqual(shapeOf(sample))
    expect(shapeOf(response?.result)).toEqual(shapeOf(sample?.result))
    expect(response).toMatchObject({
      method: 'add_order',
      req_id: 7,
      success: true,
      result: { order_userref: 3 },
      time_in: '2023-09-22T10:33:05.709000Z',
    })
    const [pending, accepted, ...rest] = executions()
    expect(rest).toEqual([])
    const [pendingSample] = receivedSamples(
      'executions',
      (m) =>
        JSON.stringify(m).includes('"pending_new"') &&
        !JSON.stringify(m).includes('triggers'),
    ).map((m) => (m.data as unknown[])[0])
    expect(shapeOf(pending)).toEqual(shapeOf(pendingSample))
    expect(pending).toMatchObject({
      exec_type: 'pending_new',
      order_status: 'pending_new',
      symbol: 'BTC/USD',
      side: 'buy',
      order_qty: 0.01,
      limit_price: 26_000,
      time_in_force: 'GTC',
      order_userref: 3,
    })
    const newSample = receivedSamples(
      'executions',
      (m) =>
        JSON.stringify(m).includes('"exec_type":"new"') ||
        JSON.stringify(m).includes('"exec_type": "new"'),
    ).map((m) => (m.data as unknown[])[0])[0]
    expect(shapeOf(accepted)).toEqual(shapeOf(newSample))
    expect(exchange.executionsSnapshot('alice')).toHaveLength(1)
  })

  test('behavior: cl_ord_id is echoed and reported', () => {
    const { send, executions } = setup()
    const [response] = send(
      'add_order',
      limitBuy(26_000, { cl_ord_id: 'client-zero' }),
    )
    const live = receivedSamples(
      'add_order',
      (m) => m.success === true && 'cl_ord_id' in (m.result as object),
    )[0]
    expect(shapeOf(response?.result)).toEqual(shapeOf(live?.result))
    expect(response?.result).toMatchObject({ cl_ord_id: 'client-zero' })
    expect(executions()[1]).toMatchObject({ cl_ord_id: 'client-zero' })
  })

  test('behavior: validate checks but books nothing', () => {
    const { send, executions, exchange } = setup()
    const [ok] = send(
      'add_order',
      limitBuy(26_000, { validate: true, order_userref: 1 }),
    )
    expect(ok).toMatchObject({ success: true, result: { order_userref: 1 } })
    expect(ok?.result).not.toHaveProperty('order_id')
    expect(executions()).toEqual([])
    expect(exchange.executionsSnapshot('alice')).toEqual([])
    const [refused] = send(
      'add_order',
      limitBuy(26_000, { validate: true, order_qty: 100 }),
    )
    expect(refused?.error).toBe('EOrder:Insufficient funds')
  })

  test('error: failure frames are shaped like Kraken', () => {
    const { send } = setup()
    const [response] = send(
      'add_order',
      limitBuy(26_000, { order_qty: 10 }),
      123456789,
    )
    const sample = receivedSamples(
      'add_order',
      (m) => m.error === 'EOrder:Insufficient funds',
    )[0]
    expect(response).toEqual({
      error: 'EOrder:Insufficient funds',
      method: 'add_order',
      req_id: 123456789,
      success: false,
      time_in: '2023-09-22T10:33:05.709000Z',
      time_out: '2023-09-22T10:33:05.709000Z',
    })
    expect(shapeOf(response)).toEqual(shapeOf(sample))
    expect(Object.keys(response ?? {})).toEqual(Object.keys(sample ?? {}))
  })

  test('error: rejection strings', () => {
    const { send, exchange } = setup()
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    const cases: [Record<string, unknown>, string][] = [
      [
        limitBuy(26_000, { order_qty: 0.00001 }),
        'EOrder:Order minimum not met',
      ],
      [
        limitBuy(26_000, { order_qty: 0.0001, limit_price: 1 }),
        'EOrder:Order minimum not met',
      ],
      [limitBuy(26_000.05), 'EOrder:Invalid price'],
      [
        limitBuy(26_000, { limit_price: '26000' }),
        'Limit_price field must be a number_float',
      ],
      [
        limitBuy(26_000, { order_qty: '0.01' }),
        'Order_qty field must be a number_float',
      ],
      [
        {
          order_type: 'market',
          side: 'buy',
          symbol: 'BTC/USD',
          cash_order_qty: '10',
        },
        'Cash_order_qty field must be a number_float',
      ],
      [
        limitBuy(26_000, { no_mpp: true }),
        'EGeneral:Invalid arguments:no_mpp order option is only available when ordertype = market',
      ],
      [limitBuy(26_000, { symbol: 'XBT/USD' }), 'EQuery:Unknown asset pair'],
      [
        limitBuy(26_000, { order_type: 'bogus' }),
        'EGeneral:Invalid arguments:order_type',
      ],
      [
        {
          order_type: 'limit',
          side: 'buy',
          symbol: 'BTC/USD',
          order_qty: 0.01,
        },
        'EGeneral:Invalid arguments:limit_price is required',
      ],
      [
        limitBuy(26_000, { cl_ord_id: 'a', order_userref: 1 }),
        'EGeneral:Invalid arguments:cl_ord_id',
      ],
      [
        limitBuy(26_000, { cl_ord_id: 'x'.repeat(19) }),
        'EGeneral:Invalid arguments:cl_ord_id',
      ],
      [
        limitBuy(26_000, { time_in_force: 'gtd' }),
        'EGeneral:Invalid arguments:expire_time is required',
      ],
      [
        limitBuy(26_000, { expire_time: '2023-09-22T11:00:00Z' }),
        'EGeneral:Invalid arguments:expire_time',
      ],
      [
        limitBuy(26_000, { deadline: '2023-09-22T10:33:05.000Z' }),
        'EService:Deadline elapsed',
      ],
      [
        limitBuy(26_000, { deadline: '2023-09-22T10:35:05.000Z' }),
        'EGeneral:Invalid arguments:deadline',
      ],
      [
        {
          order_type: 'market',
          side: 'buy',
          symbol: 'BTC/USD',
          order_qty: 0.01,
          post_only: true,
        },
        'EGeneral:Invalid arguments:post_only',
      ],
      [
        {
          order_type: 'stop-loss',
          side: 'sell',
          symbol: 'BTC/USD',
          order_qty: 0.01,
        },
        'EGeneral:Invalid arguments:triggers is required',
      ],
      [
        {
          order_type: 'market',
          side: 'sell',
          symbol: 'BTC/USD',
          order_qty: 0.01,
          time_in_force: 'fok',
        },
        'EGeneral:Invalid arguments:time_in_force',
      ],
      [
        { order_type: 'market', side: 'sell', symbol: 'BTC/USD', order_qty: 3 },
        'EOrder:Insufficient funds',
      ],
      [limitBuy(26_000, { margin: true }), 'EGeneral:Permission denied'],
    ]
    for (const [params, error] of cases)
      expect([params, errorOf(send('add_order', params))]).toEqual([
        params,
        [error],
      ])
  })

  test('error: a cl_ord_id in use is refused', () => {
    const { send } = setup()
    send('add_order', limitBuy(26_000, { cl_ord_id: 'dup' }))
    expect(
      errorOf(send('add_order', limitBuy(25_000, { cl_ord_id: 'dup' }))),
    ).toEqual(['EGeneral:Invalid arguments:cl_ord_id'])
  })

  test('error: an unknown method', () => {
    const { exchange } = setup()
    expect(exchange.request('alice', { method: 'nope' })[0]?.error).toBe(
      'Unsupported event',
    )
  })

  test('behavior: open orders hold funds', () => {
    const { send } = setup({ balances: { alice: { USD: 600 } } })
    expect(
      send('add_order', limitBuy(26_000, { order_qty: 0.02 }))[0]?.success,
    ).toBe(true)
    expect(
      errorOf(send('add_order', limitBuy(26_000, { order_qty: 0.003 }))),
    ).toEqual(['EOrder:Insufficient funds'])
  })

  test('behavior: post_only that would take liquidity is cancelled', () => {
    const { send, exchange, executions } = setup()
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    const [response] = send('add_order', limitBuy(26_600, { post_only: true }))
    expect(response?.success).toBe(true)
    expect(executions().map((r) => r.exec_type)).toEqual([
      'pending_new',
      'canceled',
    ])
    expect(executions()[1]).toMatchObject({ reason: 'Post only order' })
  })

  test('behavior: GTD orders expire', () => {
    const { send, executions, exchange } = setup()
    send(
      'add_order',
      limitBuy(26_000, {
        time_in_force: 'gtd',
        expire_time: '2023-09-22T10:34:00Z',
      }),
    )
    vi.advanceTimersByTime(54_290)
    expect(executions().map((r) => r.exec_type)).toEqual(['pending_new', 'new'])
    vi.advanceTimersByTime(1)
    expect(executions().at(-1)).toMatchObject({
      exec_type: 'expired',
      order_status: 'expired',
    })
    expect(exchange.executionsSnapshot('alice')).toEqual([])
  })
})
