import { describe, expect, test, vi } from 'vitest'
import {
  limitBuy,
  orderIdOf,
  receivedSamples,
  setup,
  shapeOf,
  useFakeClockAt,
} from '../testing/harness.js'

useFakeClockAt('2024-07-26T13:39:04.922Z')

const amendedSample = () =>
  receivedSamples('executions', (m) =>
    JSON.stringify(m).includes('"amended"'),
  ).map((m) => (m.data as unknown[])[0])[0]

describe('amend_order', () => {
  test('default', () => {
    const { send, executions, clear, exchange } = setup()
    const id = orderIdOf(send('add_order', limitBuy(26_000))[0])
    clear()
    const [response] = send(
      'amend_order',
      { order_id: id, order_qty: 0.02, limit_price: 25_000.5 },
      0,
    )
    const live = receivedSamples(
      'amend_order',
      (m) => m.success === true && 'order_id' in (m.result as object),
    )[0]
    expect(shapeOf(response)).toEqual(shapeOf(live))
    expect(shapeOf(response?.result)).toEqual(shapeOf(live?.result))
    expect(response?.result).toMatchObject({ order_id: id })
    expect(shapeOf(executions()[0])).toEqual(shapeOf(amendedSample()))
    expect(executions()[0]).toMatchObject({
      exec_type: 'amended',
      amended: true,
      order_qty: 0.02,
      limit_price: 25_000.5,
      order_id: id,
    })
    expect(exchange.restingOrders('BTC/USD').bids).toMatchObject([
      { order_id: id, order_qty: 0.02, limit_price: 25_000.5 },
    ])
  })

  test('behavior: by cl_ord_id echoes cl_ord_id', () => {
    const { send } = setup()
    send(
      'add_order',
      limitBuy(26_000, { cl_ord_id: '2c6be801-1f53-4f79-a0bb-4ea1c95dfae9' }),
    )
    const [response] = send('amend_order', {
      cl_ord_id: '2c6be801-1f53-4f79-a0bb-4ea1c95dfae9',
      order_qty: 0.03,
    })
    const docs = receivedSamples(
      'amend_order',
      (m) => m.success === true && 'cl_ord_id' in (m.result as object),
    )[0]
    expect(shapeOf(response?.result)).toEqual(shapeOf(docs?.result))
  })

  test('behavior: an amended price that crosses fills', () => {
    const { send, exchange, executions, clear } = setup()
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    const id = orderIdOf(send('add_order', limitBuy(26_000))[0])
    clear()
    send('amend_order', { order_id: id, order_qty: 0.01, limit_price: 26_600 })
    expect(executions().map((r) => r.exec_type)).toEqual([
      'amended',
      'trade',
      'filled',
    ])
  })

  test('behavior: an amend below the filled quantity cancels the rest', () => {
    const { send, exchange, executions, clear } = setup()
    const id = orderIdOf(
      send('add_order', limitBuy(26_000, { order_qty: 0.01 }))[0],
    )
    exchange.onMarketPrice('BTC/USD', 25_990, 26_000, 0.004)
    clear()
    send('amend_order', { order_id: id, order_qty: 0.004 })
    expect(executions().map((r) => r.exec_type)).toEqual([
      'amended',
      'canceled',
    ])
  })

  test('error: rejections', () => {
    const { send, exchange } = setup()
    const id = orderIdOf(send('add_order', limitBuy(26_000))[0])
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    expect(
      send('amend_order', {
        order_id: id,
        order_qty: 0.01,
        limit_price: '0.96',
      })[0]?.error,
    ).toBe('Limit_price field must be a number_float')
    expect(
      send('amend_order', {
        order_id: 'OAAAAA-AAAAA-AAAAAA',
        order_qty: 0.01,
      })[0]?.error,
    ).toBe('EOrder:Unknown order')
    expect(send('amend_order', { order_id: id })[0]?.error).toBe(
      'EGeneral:Invalid arguments:order_qty is required',
    )
    expect(
      send('amend_order', { order_id: id, order_qty: 100 })[0]?.error,
    ).toBe('EOrder:Insufficient funds')
    expect(
      send('amend_order', {
        order_id: id,
        order_qty: 0.01,
        limit_price: 27_000,
        post_only: true,
      })[0]?.error,
    ).toBe('EOrder:Post only order')
    const live = receivedSamples('amend_order', (m) => m.success === false)[0]
    expect(
      shapeOf(
        send(
          'amend_order',
          { order_id: id, order_qty: 0.01, limit_price: '1' },
          0,
        )[0],
      ),
    ).toEqual(shapeOf(live))
  })
})

test('behavior: shrinking keeps queue priority, a new price loses it', () => {
  const { send, exchange } = setup()
  const first = orderIdOf(
    send('add_order', limitBuy(26_000, { order_qty: 0.02 }))[0],
  )
  vi.advanceTimersByTime(1_000)
  const second = orderIdOf(send('add_order', limitBuy(26_000))[0])
  vi.advanceTimersByTime(1_000)
  send('amend_order', { order_id: first, order_qty: 0.01 })
  expect(exchange.restingOrders('BTC/USD').bids.map((o) => o.order_id)).toEqual(
    [first, second],
  )
  send('amend_order', {
    order_id: first,
    order_qty: 0.01,
    limit_price: 26_000.1,
  })
  send('amend_order', { order_id: first, order_qty: 0.01, limit_price: 26_000 })
  expect(exchange.restingOrders('BTC/USD').bids.map((o) => o.order_id)).toEqual(
    [second, first],
  )
})

describe('edit_order', () => {
  test('default', () => {
    const { send, executions, clear, exchange } = setup()
    const id = orderIdOf(
      send('add_order', limitBuy(26_000, { order_userref: 5 }))[0],
    )
    clear()
    const [response] = send(
      'edit_order',
      { order_id: id, symbol: 'BTC/USD', order_qty: 0.02, limit_price: 25_000 },
      1234567890,
    )
    const sample = receivedSamples('edit_order', (m) => m.success === true)[0]
    expect(shapeOf(response)).toEqual(shapeOf(sample))
    expect(shapeOf(response?.result)).toEqual(shapeOf(sample?.result))
    const newId = orderIdOf(response)
    expect(newId).not.toBe(id)
    expect(response?.result).toMatchObject({ original_order_id: id })
    expect(executions().map((r) => [r.exec_type, r.order_id])).toEqual([
      ['canceled', id],
      ['pending_new', newId],
      ['new', newId],
    ])
    expect(executions()[1]).toMatchObject({
      order_qty: 0.02,
      limit_price: 25_000,
      order_userref: 5,
    })
    expect(exchange.executionsSnapshot('alice').map((r) => r.order_id)).toEqual(
      [newId],
    )
  })

  test('error: rejections', () => {
    const { send } = setup()
    const id = orderIdOf(send('add_order', limitBuy(26_000))[0])
    expect(
      send('edit_order', {
        order_id: id,
        symbol: 'ETH/USD',
        order_qty: 0.02,
      })[0]?.error,
    ).toBe('EGeneral:Invalid arguments:symbol')
    expect(
      send('edit_order', {
        order_id: 'OAAAAA-AAAAA-AAAAAA',
        symbol: 'BTC/USD',
      })[0]?.error,
    ).toBe('EOrder:Unknown order')
    expect(
      send('edit_order', { order_id: id, symbol: 'BTC/USD', cl_ord_id: 'x' })[0]
        ?.error,
    ).toBe('EGeneral:Invalid arguments:cl_ord_id')
    expect(send('edit_order', { order_id: id })[0]?.error).toBe(
      'EGeneral:Invalid arguments:symbol is required',
    )
  })
})
