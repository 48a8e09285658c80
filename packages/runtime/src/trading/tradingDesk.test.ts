/**
 * Trading through the client, against fake transports that answer as
 * Kraken does (frames shaped like fixtures/kraken-v2/samples.json).
 */
import {
  AddOrderRequest,
  BatchAddRequest,
  CancelOrderRequest,
} from '@kraken-sockets/schema'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { GapEvent } from '../index.js'
import {
  createFakeKraken,
  flush,
  type SentFrame,
} from '../testing/fakeKraken.js'
import {
  btcUsd,
  executionsFrame,
  tradingAck,
  tradingResponder,
} from '../testing/tradingFrames.js'
import type { OrderEvent } from './orderTrackerTypes.js'

/** vi.waitFor's own limit is 1 s of real time, too short on a loaded machine. */
const LOADED_MACHINE = { timeout: 120_000 }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const buy = {
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: '0.000123456789',
  limit_price: '26500.46',
} as const

/** Acks every add_order with an order id and the cl_ord_id it carried. */
function addAck(frame: SentFrame) {
  if (frame.method !== 'add_order') return undefined
  return [
    tradingAck(frame, {
      order_id: 'OK4GJX-KSTLS-7DZZO5',
      cl_ord_id: frame.params?.cl_ord_id,
    }),
  ]
}

/** Kraken's answer to cancel_all_orders_after (camelCase result keys). */
function dmsAck(frame: SentFrame) {
  return tradingAck(frame, {
    currentTime: '2026-01-01T00:00:00Z',
    triggerTime: '2026-01-01T00:01:00Z',
  })
}

function trades(sent: SentFrame[], method: string) {
  return sent.filter((frame) => frame.method === method)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('trading: requests', () => {
  test('default', async () => {
    const { kraken, sent } = createFakeKraken({
      respond: tradingResponder({ trade: addAck }),
    })
    const ack = await kraken.request(AddOrderRequest(buy))
    const [frame] = trades(sent('private'), 'add_order')
    // Rounded to the pair's increments: a buy's price down, the qty down.
    expect(frame?.params).toMatchObject({
      limit_price: 26500.4,
      order_qty: 0.00012345,
    })
    expect(String(frame?.params?.cl_ord_id)).toMatch(UUID)
    expect(ack.result?.cl_ord_id).toBe(frame?.params?.cl_ord_id)
    expect(trades(sent('public'), 'subscribe')[0]?.params).toMatchObject({
      channel: 'instrument',
    })
    expect(trades(sent('private'), 'subscribe')[0]?.params).toMatchObject({
      channel: 'executions',
      snap_orders: true,
    })
    expect(kraken.instruments.get('BTC/USD')?.qty_min).toBe(0.0001)
    await kraken.stop()
  })

  test('behavior: order_userref orders keep it and get no cl_ord_id; each batch order gets its own', async () => {
    const { kraken, sent } = createFakeKraken({
      respond: tradingResponder({
        trade: (frame) =>
          frame.method === 'batch_add'
            ? [tradingAck(frame, [{ order_id: 'O1' }, { order_id: 'O2' }])]
            : addAck(frame),
      }),
    })
    await kraken.request(AddOrderRequest({ ...buy, order_userref: 7 }))
    await kraken.request(
      BatchAddRequest({
        symbol: 'BTC/USD',
        orders: [
          { order_type: 'limit', side: 'buy', order_qty: 1, limit_price: 100 },
          {
            order_type: 'limit',
            side: 'sell',
            order_qty: 1,
            limit_price: '200.05',
            cl_ord_id: 'mine-1',
          },
        ],
      }),
    )
    const [add] = trades(sent('private'), 'add_order')
    expect(add?.params?.order_userref).toBe(7)
    expect(add?.params).not.toHaveProperty('cl_ord_id')
    const [batch] = trades(sent('private'), 'batch_add')
    const orders = batch?.params?.orders as {
      cl_ord_id: string
      limit_price: number
    }[]
    expect(orders[0]?.cl_ord_id).toMatch(UUID)
    expect(orders[1]).toMatchObject({ cl_ord_id: 'mine-1', limit_price: 200.1 })
    await kraken.stop()
  })

  test('error: orders below qty_min or cost_min are refused locally, never sent', async () => {
    const { kraken, sent } = createFakeKraken({
      respond: tradingResponder({ trade: addAck }),
    })
    const small = kraken.request(
      AddOrderRequest({ ...buy, order_qty: '0.00005' }),
    )
    await expect(small).rejects.toMatchObject({
      name: 'NotSentError',
      code: 'refused',
    })
    await expect(small).rejects.toThrow(/below qty_min 0.0001/)
    const cheap = kraken.request(
      AddOrderRequest({ ...buy, order_qty: '0.001', limit_price: '100' }),
    )
    await expect(cheap).rejects.toThrow(/below cost_min 0.5/)
    expect(trades(sent('private'), 'add_order')).toEqual([])
    await kraken.stop()
  })

  test('error: pair and system status refusals', async () => {
    const { kraken, sent, receive } = createFakeKraken({
      respond: tradingResponder({
        pairs: [btcUsd(), btcUsd({ symbol: 'ETH/USD', status: 'cancel_only' })],
        trade: addAck,
      }),
    })
    await expect(
      kraken.request(AddOrderRequest({ ...buy, symbol: 'ETH/USD' })),
    ).rejects.toThrow(/ETH\/USD is in cancel_only status/)
    await expect(
      kraken.request(AddOrderRequest({ ...buy, symbol: 'DOGE/USD' })),
    ).rejects.toThrow(/lists no pair DOGE\/USD/)
    receive('private', {
      channel: 'status',
      type: 'update',
      data: [
        {
          api_version: 'v2',
          connection_id: 1,
          system: 'post_only',
          version: '2.0.10',
        },
      ],
    })
    await expect(kraken.request(AddOrderRequest(buy))).rejects.toThrow(
      /post_only mode/,
    )
    await kraken.request(AddOrderRequest({ ...buy, post_only: true }))
    expect(trades(sent('private'), 'add_order')).toHaveLength(1)
    await kraken.stop()
  })

  test('behavior: round: false sends orders exactly as given', async () => {
    const { kraken, transports } = createFakeKraken({
      trading: { round: false },
      respond: tradingResponder({ trade: addAck }),
    })
    await kraken.request(AddOrderRequest({ ...buy, order_qty: '0.00005' }))
    const text = transports.private?.sent.find((t) => t.includes('add_order'))
    expect(text).toContain('"limit_price":26500.46')
    expect(text).toContain('"order_qty":0.00005')
    await kraken.stop()
  })

  test('behavior: cancel_order by order_userref waits a quiet window for more answers', async () => {
    vi.useFakeTimers()
    const { kraken } = createFakeKraken({
      respond: tradingResponder({
        trade: (frame) =>
          ['A', 'B', 'C'].map((id) =>
            tradingAck(frame, { order_id: `O${id}` }),
          ),
      }),
    })
    let settled = false
    const pending = kraken
      .request(CancelOrderRequest({ order_userref: [7] }))
      .finally(() => {
        settled = true
      })
    await vi.advanceTimersByTimeAsync(499)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await expect(pending).resolves.toMatchObject({ success: true })
    await kraken.stop()
  })

  test('behavior: the clock offset comes from acks and sets deadlines', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:10.000Z') })
    const { kraken } = createFakeKraken({
      trading: { track: false, round: false },
      respond: tradingResponder({
        trade: (frame) => [
          {
            ...tradingAck(frame, { order_id: 'O1' }),
            time_out: '2026-01-01T00:00:00.000000Z',
          },
        ],
      }),
    })
    await kraken.request(AddOrderRequest(buy))
    // Kraken said 00:00:00.0000-00:00:00.0001 while the local clock read 00:00:10.
    expect(kraken.clockOffset).toBeCloseTo(-10_000, 0)
    expect(kraken.deadline(5_000)).toBe('2026-01-01T00:00:05.000Z')
    expect(() => kraken.deadline(100)).toThrow(RangeError)
    await kraken.stop()
  })
})

describe('trading: order tracking', () => {
  test('behavior: fills and partial fills are tracked to the final state', async () => {
    const { kraken, receive } = createFakeKraken({
      respond: tradingResponder({ trade: addAck }),
    })
    const events: OrderEvent['type'][] = []
    kraken.on('order', (event) => {
      events.push(event.type)
    })
    const ack = await kraken.request(AddOrderRequest(buy))
    const id = String(ack.result?.cl_ord_id)
    const handle = kraken.order(id)
    const order_id = 'OK4GJX-KSTLS-7DZZO5'
    receive(
      'private',
      executionsFrame('update', 2, [
        {
          order_id,
          exec_type: 'new',
          order_status: 'new',
          order_userref: 0,
          timestamp: '2026-01-01T00:00:01.000000Z',
        },
      ]),
    )
    expect(kraken.orders.get(order_id)?.cl_ord_id).toBe(id)
    const trade = (exec_id: string, qty: number, status: string) => ({
      order_id,
      exec_id,
      exec_type: 'trade',
      order_status: status,
      last_qty: qty,
      last_price: 26500.4,
      cum_qty: qty,
    })
    receive(
      'private',
      executionsFrame('update', 3, [trade('E1', 0.0001, 'partially_filled')]),
    )
    expect(kraken.orders.get(order_id)?.order_status).toBe('partially_filled')
    receive(
      'private',
      executionsFrame('update', 4, [trade('E2', 0.00002345, 'filled')]),
    )
    const outcome = await handle.filled
    expect(outcome.status).toBe('filled')
    const fills = []
    for await (const fill of handle.fills()) fills.push(fill.exec_id)
    expect(fills).toEqual(['E1', 'E2'])
    expect(kraken.orders.size).toBe(0)
    expect(events).toEqual([
      'opened',
      'updated',
      'fill',
      'updated',
      'fill',
      'closed',
    ])
    await kraken.stop()
  })

  test('behavior: after a drop, an outcome-unknown order is resolved from the snapshot by cl_ord_id', async () => {
    let live: object[] = []
    const { kraken, sent, transports } = createFakeKraken({
      reconnect: { initialDelay: 0, maxDelay: 0 },
      respond: tradingResponder({ snapshot: () => live }),
    })
    const events: OrderEvent[] = []
    kraken.on('order', (event) => {
      events.push(event)
    })
    const pending = kraken.request(AddOrderRequest(buy))
    await vi.waitFor(
      () => expect(trades(sent('private'), 'add_order')).toHaveLength(1),
      LOADED_MACHINE,
    )
    const id = String(
      trades(sent('private'), 'add_order')[0]?.params?.cl_ord_id,
    )
    const handle = kraken.order(id)
    live = [
      {
        order_id: 'OLIVE1-AAAAA-BBBBBB',
        cl_ord_id: id,
        symbol: 'BTC/USD',
        side: 'buy',
        exec_type: 'new',
        order_status: 'new',
        order_qty: 0.00012345,
        limit_price: 26500.4,
      },
    ]
    transports.private?.drop()
    await expect(pending).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      clOrdId: id,
    })
    await vi.waitFor(
      () =>
        expect(events.some((event) => event.type === 'resolved')).toBe(true),
      LOADED_MACHINE,
    )
    expect(handle.order?.order_id).toBe('OLIVE1-AAAAA-BBBBBB')
    expect(kraken.orders.has('OLIVE1-AAAAA-BBBBBB')).toBe(true)
    await kraken.stop()
    await expect(handle.done).resolves.toMatchObject({ status: 'untracked' })
  })

  test('behavior: an open order absent from the snapshot after a reconnect closes as closed_unknown', async () => {
    let live: object[] = [
      {
        order_id: 'OGONE1',
        cl_ord_id: 'gone',
        exec_type: 'new',
        order_status: 'new',
      },
    ]
    const { kraken, transports, sent } = createFakeKraken({
      reconnect: { initialDelay: 0, maxDelay: 0 },
      respond: tradingResponder({ snapshot: () => live, trade: addAck }),
    })
    await kraken.request(AddOrderRequest(buy))
    expect(kraken.orders.has('OGONE1')).toBe(true)
    const handle = kraken.order('gone')
    live = []
    transports.private?.drop()
    await expect(handle.done).resolves.toMatchObject({
      status: 'closed_unknown',
    })
    expect(kraken.orders.size).toBe(0)
    expect(trades(sent('private'), 'subscribe').length).toBe(2)
    await kraken.stop()
  })
})

describe('trading: sequences and rate counter', () => {
  test('behavior: a sequence gap is reported and the channel resubscribed', async () => {
    const { kraken, receive, sent } = createFakeKraken({
      respond: tradingResponder({ trade: addAck }),
    })
    const gaps: GapEvent[] = []
    kraken.on('gap', (gap) => {
      gaps.push(gap)
    })
    await kraken.request(AddOrderRequest(buy))
    receive('private', executionsFrame('update', 2, []))
    // A balances frame following the shared counter is in order.
    receive('private', {
      channel: 'balances',
      type: 'update',
      data: [],
      sequence: 3,
    })
    expect(gaps).toEqual([])
    receive('private', executionsFrame('update', 6, []))
    expect(gaps).toEqual([
      {
        source: 'sequence',
        endpoint: 'private',
        channel: 'executions',
        expected: 4,
        received: 6,
        missed: 2,
      },
    ])
    await vi.waitFor(() => {
      const methods = sent('private').map(
        (frame) => `${frame.method}:${frame.params?.channel}`,
      )
      expect(methods).toEqual([
        'subscribe:executions',
        'add_order:undefined',
        'unsubscribe:executions',
        'subscribe:executions',
      ])
    }, LOADED_MACHINE)
    expect(sent('private').at(-1)?.params).toMatchObject({ snap_orders: true })
    await kraken.stop()
  })

  test('error: the rate counter refuses before Kraken would, corrected from the stream', async () => {
    const { kraken, receive, sent } = createFakeKraken({
      trading: { rateCounter: { mode: 'refuse' } },
      respond: tradingResponder({ trade: addAck }),
    })
    await kraken.request(AddOrderRequest(buy))
    expect(trades(sent('private'), 'subscribe')[0]?.params).toMatchObject({
      ratecounter: true,
    })
    // Kraken says another process has pushed the counter to the threshold.
    receive(
      'private',
      executionsFrame('update', 2, [
        {
          order_id: 'OK4GJX-KSTLS-7DZZO5',
          symbol: 'BTC/USD',
          exec_type: 'new',
          order_status: 'new',
          ratecounter: 60,
        },
      ]),
    )
    const refused = kraken.request(AddOrderRequest(buy))
    await expect(refused).rejects.toMatchObject({
      name: 'NotSentError',
      code: 'rate_limited',
    })
    await expect(refused).rejects.toThrow(/above 60 \(maxratecount\)/)
    expect(trades(sent('private'), 'add_order')).toHaveLength(1)
    await kraken.stop()
  })
})

describe("trading: dead man's switch", () => {
  test('default', async () => {
    vi.useFakeTimers()
    const { kraken, sent } = createFakeKraken({
      trading: { track: false },
      respond: tradingResponder({
        trade: (frame) => [dmsAck(frame)],
      }),
    })
    const timeouts = () =>
      trades(sent('private'), 'cancel_all_orders_after').map(
        (frame) => frame.params?.timeout,
      )
    const dms = kraken.deadMansSwitch({ timeout: 60, every: 20 })
    await vi.advanceTimersByTimeAsync(0)
    expect(timeouts()).toEqual([60])
    await vi.advanceTimersByTimeAsync(40_000)
    expect(timeouts()).toEqual([60, 60, 60])
    expect(dms.state).toBe('armed')
    await kraken.stop()
    expect(timeouts()).toEqual([60, 60, 60, 0])
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: disarms before an announced maintenance', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') })
    const { kraken, sent, receive } = createFakeKraken({
      trading: { track: false },
      respond: tradingResponder({
        trade: (frame) => [dmsAck(frame)],
      }),
    })
    const dms = kraken.deadMansSwitch({
      timeout: 60,
      every: 20,
      maintenanceLead: 60,
    })
    await vi.advanceTimersByTimeAsync(0)
    receive('private', {
      channel: 'status',
      type: 'update',
      data: [
        {
          api_version: 'v2',
          connection_id: 1,
          system: 'online',
          version: '2.0.10',
          upcoming_maintenance: [{ start_time: '2026-01-01T00:05:00Z' }],
          emergency: [],
        },
      ],
    })
    await vi.advanceTimersByTimeAsync(4 * 60_000)
    expect(dms.state).toBe('paused')
    const timeouts = trades(sent('private'), 'cancel_all_orders_after').map(
      (frame) => frame.params?.timeout,
    )
    expect(timeouts.at(-1)).toBe(0)
    await kraken.stop()
  })

  test('error: a failed refresh is reported on error', async () => {
    vi.useFakeTimers()
    const { kraken, errors } = createFakeKraken({
      trading: { track: false },
      respond: tradingResponder({
        trade: (frame) => [
          {
            method: frame.method,
            req_id: frame.req_id,
            error: 'EGeneral:Permission denied',
            success: false,
          },
        ],
      }),
    })
    kraken.deadMansSwitch()
    await vi.advanceTimersByTimeAsync(0)
    await flush()
    expect(errors[0]).toMatchObject({
      name: 'DeadMansSwitchError',
      timeout: 60,
    })
    expect(errors[0]?.message).toContain('Permission denied')
    await kraken.stop()
  })
})
