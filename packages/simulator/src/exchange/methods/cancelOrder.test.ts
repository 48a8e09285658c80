import { describe, expect, test, vi } from 'vitest'
import {
  limitBuy,
  orderIdOf,
  receivedSamples,
  setup,
  shapeOf,
  useFakeClockAt,
} from '../testing/harness.js'
import { DEAD_MAN_SWITCH_REASON } from './cancelAllOrdersAfter.js'

useFakeClockAt('2023-09-21T15:49:28.627Z')

describe('cancel_order', () => {
  test('default', () => {
    const { send, executions, clear } = setup()
    const a = orderIdOf(send('add_order', limitBuy(26_000))[0])
    const b = orderIdOf(send('add_order', limitBuy(25_000))[0])
    clear()
    const responses = send('cancel_order', { order_id: [b, a] }, 123456789)
    const sample = receivedSamples('cancel_order')[0]
    expect(responses).toHaveLength(2)
    expect(responses.map(shapeOf)).toEqual([shapeOf(sample), shapeOf(sample)])
    expect(responses.map((r) => r.result)).toEqual([
      { order_id: b },
      { order_id: a },
    ])
    expect(responses.map((r) => r.req_id)).toEqual([123456789, 123456789])
    const canceled = executions()
    const liveCancel = receivedSamples('executions', (m) =>
      JSON.stringify(m).includes('"canceled"'),
    ).map((m) => (m.data as unknown[])[0])[0]
    expect(canceled.map(shapeOf)).toEqual([
      shapeOf(liveCancel),
      shapeOf(liveCancel),
    ])
    expect(canceled[0]).toMatchObject({
      exec_type: 'canceled',
      reason: 'User requested',
      order_id: b,
    })
  })

  test('behavior: by cl_ord_id and by order_userref (several)', () => {
    const { send } = setup()
    send('add_order', limitBuy(26_000, { cl_ord_id: 'a-uuid' }))
    const x = orderIdOf(
      send('add_order', limitBuy(25_000, { order_userref: 9 }))[0],
    )
    const y = orderIdOf(
      send('add_order', limitBuy(24_000, { order_userref: 9 }))[0],
    )
    expect(
      send('cancel_order', { cl_ord_id: ['a-uuid'] }).map((r) => r.result),
    ).toEqual([{ cl_ord_id: 'a-uuid' }])
    expect(
      send('cancel_order', { order_userref: [9] }).map((r) => r.result),
    ).toEqual([{ order_id: x }, { order_id: y }])
  })

  test('error: unknown order, per order', () => {
    const { send } = setup()
    const a = orderIdOf(send('add_order', limitBuy(26_000))[0])
    const responses = send('cancel_order', {
      order_id: ['OAAAAA-AAAAA-AAAAAA', a],
    })
    expect(responses.map((r) => r.error ?? r.result)).toEqual([
      'EOrder:Unknown order',
      { order_id: a },
    ])
    expect(send('cancel_order', {}).map((r) => r.error)).toEqual([
      'EGeneral:Invalid arguments:order_id',
    ])
    expect(send('cancel_order', { order_id: 'x' }).map((r) => r.error)).toEqual(
      ['EGeneral:Invalid arguments:order_id'],
    )
  })

  test('error: another account cannot cancel the order', () => {
    const { send, exchange } = setup()
    const a = orderIdOf(send('add_order', limitBuy(26_000))[0])
    expect(
      exchange.request('bob', {
        method: 'cancel_order',
        params: { order_id: [a] },
      })[0]?.error,
    ).toBe('EOrder:Unknown order')
  })
})

describe('cancel_all', () => {
  test('default', () => {
    const { send, exchange } = setup()
    send('add_order', limitBuy(26_000))
    send('add_order', {
      order_type: 'stop-loss',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 0.01,
      triggers: { price: 20_000 },
    })
    const [response] = send('cancel_all', {}, 1234567890)
    const sample = receivedSamples('cancel_all')[0]
    expect(shapeOf(response)).toEqual(shapeOf(sample))
    expect(response?.result).toEqual({ count: 2 })
    expect(exchange.executionsSnapshot('alice')).toEqual([])
    expect(send('cancel_all')[0]?.result).toEqual({ count: 0 })
  })
})

describe('batch_cancel', () => {
  test('default', () => {
    const { send } = setup()
    const a = orderIdOf(send('add_order', limitBuy(26_000))[0])
    send('add_order', limitBuy(25_000, { order_userref: 2 }))
    send('add_order', limitBuy(24_000, { cl_ord_id: 'c' }))
    const [response] = send(
      'batch_cancel',
      { orders: [a, '2'], cl_ord_id: ['c'] },
      0,
    )
    const live = receivedSamples(
      'batch_cancel',
      (m) => 'orders_cancelled' in m,
    )[0]
    expect(shapeOf(response)).toEqual(shapeOf(live))
    expect(response).toMatchObject({ orders_cancelled: 3, success: true })
  })

  test('behavior: the docs shape on request', () => {
    const { send } = setup({ batchCancelResponse: 'docs' })
    const a = orderIdOf(send('add_order', limitBuy(26_000))[0])
    const [response] = send(
      'batch_cancel',
      { orders: [a, 'OAAAAA-AAAAA-AAAAAA'] },
      1,
    )
    const docs = receivedSamples('batch_cancel', (m) => 'result' in m)[0]
    expect(shapeOf(response)).toEqual(shapeOf(docs))
    expect(response?.result).toEqual({ count: 1 })
  })

  test('error: 2 to 50 references', () => {
    const { send } = setup()
    expect(send('batch_cancel', { orders: ['1'] })[0]?.error).toBe(
      'EGeneral:Invalid arguments:orders',
    )
    expect(
      send('batch_cancel', {
        orders: Array.from({ length: 51 }, (_, i) => String(i)),
      })[0]?.error,
    ).toBe('EGeneral:Invalid arguments:orders')
  })
})

describe('cancel_all_orders_after', () => {
  test('default', () => {
    const { send } = setup()
    const [response] = send(
      'cancel_all_orders_after',
      { timeout: 100 },
      1234567890,
    )
    const sample = receivedSamples('cancel_all_orders_after')[0]
    expect(shapeOf(response)).toEqual(shapeOf(sample))
    expect(response?.result).toEqual({
      currentTime: '2023-09-21T15:49:29Z',
      triggerTime: '2023-09-21T15:51:09Z',
    })
  })

  test('behavior: the timer cancels everything when it fires', () => {
    const { send, exchange, executions, clear } = setup()
    send('add_order', limitBuy(26_000))
    send('add_order', limitBuy(25_000))
    clear()
    send('cancel_all_orders_after', { timeout: 60 })
    vi.advanceTimersByTime(59_999)
    expect(executions()).toEqual([])
    vi.advanceTimersByTime(1)
    expect(executions().map((r) => [r.exec_type, r.reason])).toEqual([
      ['canceled', DEAD_MAN_SWITCH_REASON],
      ['canceled', DEAD_MAN_SWITCH_REASON],
    ])
    expect(exchange.executionsSnapshot('alice')).toEqual([])
    // Disarmed after firing: a new order survives.
    send('add_order', limitBuy(26_000))
    vi.advanceTimersByTime(120_000)
    expect(exchange.executionsSnapshot('alice')).toHaveLength(1)
  })

  test('behavior: re-arming resets the timer; 0 disarms', () => {
    const { send, exchange } = setup()
    send('add_order', limitBuy(26_000))
    send('cancel_all_orders_after', { timeout: 60 })
    vi.advanceTimersByTime(50_000)
    send('cancel_all_orders_after', { timeout: 60 })
    vi.advanceTimersByTime(50_000)
    expect(exchange.executionsSnapshot('alice')).toHaveLength(1)
    const [off] = send('cancel_all_orders_after', { timeout: 0 })
    expect(off?.result).toMatchObject({ triggerTime: '0' })
    vi.advanceTimersByTime(600_000)
    expect(exchange.executionsSnapshot('alice')).toHaveLength(1)
    send('cancel_all_orders_after', { timeout: 5 })
    exchange.close()
    vi.advanceTimersByTime(10_000)
    expect(exchange.executionsSnapshot('alice')).toHaveLength(1)
  })

  test('error: timeout rules', () => {
    const { send } = setup()
    expect(send('cancel_all_orders_after', {})[0]?.error).toBe(
      'EGeneral:Invalid arguments:timeout is required',
    )
    expect(send('cancel_all_orders_after', { timeout: 86_400 })[0]?.error).toBe(
      'EGeneral:Invalid arguments:timeout',
    )
    expect(send('cancel_all_orders_after', { timeout: '60' })[0]?.error).toBe(
      'Timeout field must be a number_int',
    )
  })
})
