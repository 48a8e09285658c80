import { describe, expect, test } from 'vitest'
import * as T from '../responses/responseTypes.js'
import { receivedFrames } from '../testing/fixtures.js'
import { decodeMessage } from './decodeMessage.js'
import type { DecodeResult } from './types.js'

const methodNames: Record<string, string> = {
  pong: 'PingResponse',
  ping: 'PingResponse',
  subscribe: 'SubscriptionResponse',
  unsubscribe: 'UnsubscribeResponse',
  add_order: 'AddOrderResponse',
  amend_order: 'AmendOrderResponse',
  edit_order: 'EditOrderResponse',
  cancel_order: 'CancelOrderResponse',
  cancel_all: 'CancelAllResponse',
  cancel_all_orders_after: 'CancelAllOrdersAfterResponse',
  batch_add: 'BatchAddResponse',
  batch_cancel: 'BatchCancelResponse',
}
const channelNames: Record<string, string> = {
  ticker: 'Ticker',
  book: 'Book',
  trade: 'Trades',
  ohlc: 'OHLC',
  instrument: 'Instruments',
  level3: 'Order',
  executions: 'Executions',
  balances: 'Balances',
}

/** The response type a frame must decode to, and how many responses. */
function expected(text: string): { name: string; count: number } {
  const frame = JSON.parse(text)
  if ('method' in frame)
    return { name: methodNames[frame.method] ?? '?', count: 1 }
  if (frame.channel === 'heartbeat')
    return { name: 'HeartbeatResponse', count: 1 }
  if (frame.channel === 'status')
    return { name: 'StatusResponse', count: frame.data.length }
  const kind = frame.type === 'snapshot' ? 'Snapshot' : 'Update'
  const perItem = ['ticker', 'book', 'level3'].includes(frame.channel)
  return {
    name: `${channelNames[frame.channel]}${kind}Response`,
    count: perItem ? frame.data.length : 1,
  }
}

function ok(result: DecodeResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`)
  return result
}

function failure(result: DecodeResult) {
  if (result.ok) throw new Error('expected a failure')
  return result
}

describe('every received fixture frame', () => {
  test.each(
    receivedFrames.map((f, i) => [i, f.channel_or_method, f.text] as const),
  )('default: #%i %s', (_, __, text) => {
    const result = ok(decodeMessage(text))
    const { name, count } = expected(text)
    expect(result.errors).toEqual([])
    expect(result.responses.map((r) => r.name)).toEqual(Array(count).fill(name))
    for (const response of result.responses) {
      expect(response.type.name).toBe(response.name)
      expect(response.type).toBe(T.responseTypes.find((t) => t.name === name))
    }
  })
})

const live = (channel: string, note: RegExp) => {
  const frame = receivedFrames.find(
    (f) => f.channel_or_method === channel && note.test(f.note ?? ''),
  )
  if (frame === undefined) throw new Error(`no ${channel} fixture`)
  return frame.text
}

describe('values', () => {
  test('behavior: ticker is flat and keeps its discriminants', () => {
    const [response] = ok(decodeMessage(live('ticker', /trades/))).responses
    expect(response?.type).toBe(T.TickerUpdateResponse)
    expect(response?.value).toEqual({
      channel: 'ticker',
      type: 'update',
      symbol: 'BTC/USD',
      bid: 83744.2,
      bid_qty: 0.56251979,
      ask: 83744.3,
      ask_qty: 0.0004478,
      last: 83744.3,
      volume: 3156.8478211,
      vwap: 84174.6,
      low: 83163.6,
      high: 85247.4,
      change: -429.3,
      change_pct: -0.51,
      trades: 135262,
      timestamp: '2026-09-25T17:48:26.844359Z',
    })
  })

  test('behavior: status keeps every digit of connection_id', () => {
    const [response] = ok(
      decodeMessage(live('status', /upcoming_maintenance/)),
    ).responses
    expect(response?.value).toEqual({
      channel: 'status',
      type: 'update',
      version: '2.0.10',
      system: 'online',
      api_version: 'v2',
      connection_id: '18125794168470749634',
      upcoming_maintenance: [],
      emergency: [],
    })
  })

  test('behavior: book levels keep the exact decimal text', () => {
    const text =
      '{"channel":"book","type":"snapshot","data":[{"symbol":"BTC/USD","bids":[{"price":45283.5,"qty":0.10000000}],"asks":[{"price":0.00000100,"qty":1e-08}],"checksum":3310070434}]}'
    const [response] = ok(decodeMessage(text)).responses
    expect(response?.type).toBe(T.BookSnapshotResponse)
    expect(response?.value).toEqual({
      channel: 'book',
      type: 'snapshot',
      symbol: 'BTC/USD',
      bids: [
        {
          price: 45283.5,
          qty: 0.1,
          price_text: '45283.5',
          qty_text: '0.10000000',
        },
      ],
      asks: [
        {
          price: 0.000001,
          qty: 1e-8,
          price_text: '0.00000100',
          qty_text: '1e-08',
        },
      ],
      checksum: 3310070434,
    })
  })

  test('behavior: book keeps text when asks come before bids and on several items', () => {
    const text =
      '{"channel":"book","type":"update","data":[{"symbol":"A/B","asks":[{"price":1.50,"qty":2.000}],"bids":[],"checksum":1},{"symbol":"C/D","bids":[{"price":3.0,"qty":0.0}],"asks":[],"checksum":2,"timestamp":"2024-05-19T16:45:24.204654Z"}]}'
    const values = ok(decodeMessage(text)).responses.map((r) => r.value)
    expect(values).toMatchObject([
      {
        symbol: 'A/B',
        asks: [{ price_text: '1.50', qty_text: '2.000' }],
        bids: [],
      },
      {
        symbol: 'C/D',
        bids: [{ price_text: '3.0', qty_text: '0.0', qty: 0 }],
        timestamp: '2024-05-19T16:45:24.204654Z',
      },
    ])
  })

  test('behavior: level3 orders keep the exact decimal text', () => {
    const [response] = ok(decodeMessage(live('level3', /Truncated/))).responses
    expect(response?.type).toBe(T.OrderSnapshotResponse)
    const value = response?.value as T.OrderSnapshotResponse
    expect(value.bids[0]).toEqual({
      order_id: 'OZYA6B-OE3BH-YJ4PY5',
      limit_price: 66579.2,
      order_qty: 1.3513759,
      limit_price_text: '66579.2',
      order_qty_text: '1.35137590',
      timestamp: '2024-05-19T18:55:20.910159752Z',
    })
    expect(value.asks[0]?.order_qty_text).toBe('0.07800000')
  })

  test('behavior: lists carry their list', () => {
    const text =
      receivedFrames.find((f) => f.text.includes('70635252'))?.text ?? ''
    const trades = ok(decodeMessage(text)).responses[0]
      ?.value as T.TradesSnapshotResponse
    expect(trades.trades[1]).toMatchObject({
      side: 'buy',
      qty: 0.00007723,
      trade_id: 70635252,
    })
    const executions = ok(decodeMessage(live('executions', /amended/)))
      .responses[0]
    expect(executions?.type).toBe(T.ExecutionsUpdateResponse)
    expect(executions?.value).toMatchObject({
      sequence: 20,
      executions: [{ exec_type: 'amended', amended: true }],
    })
  })

  test('behavior: a failure frame decodes to its method, even with a channel', () => {
    const [session] = ok(
      decodeMessage(live('subscribe:executions', /Untokened/)),
    ).responses
    expect(session?.type).toBe(T.SubscriptionResponse)
    expect(session?.value).toMatchObject({
      success: false,
      error: 'ESession:Invalid session',
      channel: 'executions',
    })
    const [ping] = ok(
      decodeMessage('{"error":"x","method":"ping","req_id":0,"success":false}'),
    ).responses
    expect(ping?.type).toBe(T.PingResponse)
  })

  test('behavior: batch_cancel in both shapes', () => {
    const docs = ok(
      decodeMessage(
        '{"method":"batch_cancel","result":{"count":3},"success":true}',
      ),
    )
    const liveShape = ok(
      decodeMessage(
        '{"method":"batch_cancel","orders_cancelled":2,"success":true}',
      ),
    )
    expect(docs.responses[0]?.value).toMatchObject({ result: { count: 3 } })
    expect(liveShape.responses[0]?.value).toMatchObject({ orders_cancelled: 2 })
  })

  test('behavior: a dead man switch disarm has trigger time "0"', () => {
    const disarm = ok(
      decodeMessage(
        '{"method":"cancel_all_orders_after","result":{"currentTime":"2024-05-19T19:22:20Z","triggerTime":"0"},"success":true}',
      ),
    )
    expect(disarm.responses[0]?.name).toBe('CancelAllOrdersAfterResponse')
    expect(disarm.responses[0]?.value).toMatchObject({
      result: { triggerTime: '0' },
    })
    const bad = decodeMessage(
      '{"method":"cancel_all_orders_after","result":{"currentTime":"2024-05-19T19:22:20Z","triggerTime":"1"},"success":true}',
    )
    expect(bad.ok).toBe(false)
  })
})

describe('errors', () => {
  test('error: a non-JSON frame keeps its raw text', () => {
    const result = failure(
      decodeMessage('CloudFlare WebSocket proxy restarting'),
    )
    expect(result.raw).toBe('CloudFlare WebSocket proxy restarting')
    expect(result.error.path).toBe('')
    expect(result.error).toBeInstanceOf(Error)
    expect(result.error.name).toBe('DecodeError')
  })

  test.each([
    ['a missing required field', '"bid":0.10025,', '', 'data[0].bid'],
    [
      'a number sent as a string',
      '"ask":0.10036',
      '"ask":"0.10036"',
      'data[0].ask',
    ],
    ['a wrong literal type', '"type":"snapshot"', '"type":"snapshop"', 'type'],
    ['a wrong channel', '"channel":"ticker"', '"channel":"tickers"', 'channel'],
  ])('error: %s fails with its path', (_, from, to, path) => {
    const text =
      receivedFrames.find((f) => f.channel_or_method === 'ticker')?.text ?? ''
    expect(text).toContain(from)
    const result = failure(decodeMessage(text.replace(from, to)))
    expect(result.error.path).toBe(path)
    expect(result.error.issues[0]?.path).toBe(path)
  })

  test.each([
    [
      'book price',
      '{"channel":"book","type":"update","data":[{"symbol":"A","bids":[{"price":"1.0","qty":1}],"asks":[],"checksum":1}]}',
      'data[0].bids[0].price',
    ],
    [
      'level3 qty',
      '{"channel":"level3","type":"update","data":[{"symbol":"A","bids":[],"asks":[{"event":"add","order_id":"O","limit_price":1.0,"timestamp":"2024-05-19T18:59:46.541105556Z"}],"checksum":1}]}',
      'data[0].asks[0].order_qty',
    ],
    [
      'status system',
      '{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":1,"system":"offline","version":"2"}]}',
      'data[0].system',
    ],
    [
      'trade side',
      '{"channel":"trade","type":"update","data":[{"symbol":"A","side":"hold","price":1,"qty":1,"ord_type":"limit","trade_id":1,"timestamp":"2024-05-27T12:33:10.826003Z"}]}',
      'data[0].side',
    ],
    ['success', '{"method":"add_order","success":"yes"}', 'success'],
    ['unknown method', '{"method":"add_orders","success":true}', 'method'],
    [
      'instrument pair',
      '{"channel":"instrument","type":"update","data":{"assets":[],"pairs":[{"symbol":"A"}]}}',
      'data.pairs[0].base',
    ],
    [
      'sequence',
      '{"channel":"balances","type":"update","data":[],"sequence":1.5}',
      'sequence',
    ],
  ])('error: %s', (_, text, path) => {
    expect(failure(decodeMessage(text)).error.path).toBe(path)
  })

  test('behavior: one bad item costs only itself', () => {
    const good =
      '{"symbol":"A","bid":1,"bid_qty":1,"ask":1,"ask_qty":1,"last":1,"volume":1,"vwap":1,"low":1,"high":1,"change":1,"change_pct":1}'
    const bad = good.replace('"ask":1,', '')
    const result = ok(
      decodeMessage(
        `{"channel":"ticker","type":"update","data":[${good},${bad},${good}]}`,
      ),
    )
    expect(result.responses).toHaveLength(2)
    expect(result.errors).toEqual([
      {
        path: 'data[1].ask',
        message: expect.any(String),
        item: JSON.parse(bad),
      },
    ])
  })

  test('behavior: one bad trade costs only itself', () => {
    const trade =
      '{"symbol":"A","side":"buy","price":1,"qty":1,"ord_type":"limit","trade_id":1,"timestamp":"2024-05-27T12:33:10Z"}'
    const result = ok(
      decodeMessage(
        `{"channel":"trade","type":"update","data":[${trade},${trade.replace('"trade_id":1', '"trade_id":1.5')}]}`,
      ),
    )
    expect(result.responses[0]?.value).toMatchObject({
      trades: [{ trade_id: 1 }],
    })
    expect(result.errors.map((e) => e.path)).toEqual(['data[1].trade_id'])
  })

  test('behavior: timestamps with 6 to 9 digits or no zone are accepted', () => {
    for (const time of [
      '2022-06-13T08:09:10.7890123',
      '2024-05-19T18:59:44.999999999Z',
      '2023-09-21T15:49:29Z',
    ]) {
      expect(decodeMessage(`{"method":"pong","time_out":"${time}"}`).ok).toBe(
        true,
      )
    }
    expect(
      failure(decodeMessage('{"method":"pong","time_out":"yesterday"}')).error
        .path,
    ).toBe('time_out')
  })
})
