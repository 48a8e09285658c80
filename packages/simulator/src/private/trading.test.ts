import { describe, expect, test } from 'vitest'
import type { Scheduler } from '../exchange/time.js'
import type { SimulatorOptions } from '../options.js'
import { startSimulator } from '../startSimulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import {
  connectPrivate,
  type Frame,
  type PrivateClient,
} from '../testing/private.js'

const open = closeAfterEach()

async function setup(options: SimulatorOptions = {}) {
  const simulator = await startSimulator({ rate: 0, ...options })
  open.simulators.push(simulator)
  const client = await connectPrivate(simulator)
  open.clients.push(client)
  return { simulator, client }
}

/** A limit buy of BTC/USD far below the simulated market (about 65 000). */
const restingBuy = (price = 50_000, qty = 0.01): Frame => ({
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: qty,
  limit_price: price,
})

async function addResting(
  client: PrivateClient,
  reqId: number,
  price?: number,
) {
  const { response } = await client.request(
    'add_order',
    restingBuy(price),
    reqId,
  )
  expect(response).toMatchObject({ method: 'add_order', success: true })
  return String((response.result as Frame).order_id)
}

const updates = (frames: Frame[], channel = 'executions') =>
  frames
    .filter((f) => f.channel === channel && f.type === 'update')
    .flatMap((f) => f.data as Frame[])

describe('trading over the private socket', () => {
  test('default', async () => {
    const { client } = await setup()
    const ack = await client.request(
      'subscribe',
      { channel: 'executions', snap_orders: true },
      1,
    )
    expect(ack.response.result).toMatchObject({
      channel: 'executions',
      maxratecount: 60,
      snap_orders: true,
      snap_trades: false,
    })
    expect(ack.frames.find((f) => f.type === 'snapshot')).toMatchObject({
      channel: 'executions',
      data: [],
      sequence: 1,
    })

    const added = await client.request('add_order', restingBuy(), 2)
    const orderId = (added.response.result as Frame).order_id
    expect(orderId).toMatch(/^[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{6}$/)
    expect(updates(added.frames).map((r) => r.exec_type)).toEqual([
      'pending_new',
      'new',
    ])

    const amended = await client.request(
      'amend_order',
      { order_id: orderId, order_qty: 0.02, limit_price: 50_100 },
      3,
    )
    expect(amended.response).toMatchObject({
      success: true,
      result: { order_id: orderId },
    })
    expect((amended.response.result as Frame).amend_id).toEqual(
      expect.any(String),
    )
    expect(updates(amended.frames)[0]).toMatchObject({
      exec_type: 'amended',
      amended: true,
      order_qty: 0.02,
    })

    const edited = await client.request(
      'edit_order',
      { order_id: orderId, symbol: 'BTC/USD', order_qty: 0.03 },
      4,
    )
    const editedId = (edited.response.result as Frame).order_id
    expect(edited.response).toMatchObject({
      success: true,
      result: { original_order_id: orderId },
    })
    expect(editedId).not.toBe(orderId)

    const cancelled = await client.request(
      'cancel_order',
      { order_id: [editedId] },
      5,
    )
    expect(cancelled.response).toMatchObject({
      success: true,
      result: { order_id: editedId },
    })
    expect(updates(cancelled.frames).at(-1)).toMatchObject({
      exec_type: 'canceled',
      order_id: editedId,
      order_status: 'canceled',
    })

    const batch = await client.request(
      'batch_add',
      {
        symbol: 'BTC/USD',
        orders: [
          {
            order_type: 'limit',
            side: 'buy',
            order_qty: 0.01,
            limit_price: 49_000,
          },
          {
            order_type: 'limit',
            side: 'sell',
            order_qty: 0.01,
            limit_price: 90_000,
          },
        ],
      },
      6,
    )
    const ids = (batch.response.result as Frame[]).map((r) =>
      String(r.order_id),
    )
    expect(ids).toHaveLength(2)

    const batchCancel = await client.request('batch_cancel', { orders: ids }, 7)
    expect(batchCancel.response).toMatchObject({
      method: 'batch_cancel',
      success: true,
      orders_cancelled: 2,
    })

    await addResting(client, 8)
    await addResting(client, 9, 49_500)
    const all = await client.request('cancel_all', {}, 10)
    expect(all.response).toMatchObject({ success: true, result: { count: 2 } })

    const deadMan = await client.request(
      'cancel_all_orders_after',
      { timeout: 60 },
      11,
    )
    const times = deadMan.response.result as Frame
    expect(
      Date.parse(String(times.triggerTime)) -
        Date.parse(String(times.currentTime)),
    ).toBe(60_000)

    // Every executions frame carries the next sequence number.
    const sequences = client
      .since(0)
      .filter((f) => f.channel === 'executions')
      .map((f) => f.sequence)
    expect(sequences).toEqual(sequences.map((_, i) => i + 1))
  })

  test('error: each method has a rejection through the socket', async () => {
    const { client } = await setup()
    const failures: [string, Frame, string | RegExp][] = [
      ['add_order', restingBuy(50_000, 1_000), 'EOrder:Insufficient funds'],
      [
        'add_order',
        { ...restingBuy(), limit_price: '50000' },
        'Limit_price field must be a number_float',
      ],
      [
        'amend_order',
        { order_id: 'OAAAAA-BBBBB-CCCCCC', order_qty: 1 },
        'EOrder:Unknown order',
      ],
      [
        'edit_order',
        { order_id: 'OAAAAA-BBBBB-CCCCCC', symbol: 'BTC/USD', order_qty: 1 },
        'EOrder:Unknown order',
      ],
      [
        'cancel_order',
        { order_id: ['OAAAAA-BBBBB-CCCCCC'] },
        'EOrder:Unknown order',
      ],
      [
        'batch_add',
        { symbol: 'BTC/USD', orders: [restingBuy()] },
        /^EGeneral:Invalid arguments/,
      ],
      [
        'batch_cancel',
        { orders: ['OAAAAA-BBBBB-CCCCCC'] },
        /^EGeneral:Invalid arguments/,
      ],
      [
        'cancel_all_orders_after',
        { timeout: 86_400 },
        /^EGeneral:Invalid arguments/,
      ],
    ]
    let reqId = 100
    for (const [method, params, error] of failures) {
      const { response } = await client.request(method, params, ++reqId)
      expect(response, method).toMatchObject({ method, success: false })
      expect(response.error, method).toMatch(error)
    }
    // cancel_all has nothing to refuse but the engine status.
    const { simulator } = await setup()
    simulator.inject({ type: 'status', system: 'maintenance' })
    const other = open.clients.at(-1) as PrivateClient
    const { response } = await other.request('cancel_all', {}, 200)
    expect(response).toMatchObject({
      success: false,
      error: 'EService:Unavailable',
    })
  })

  test('error: the engine status refuses orders as Kraken does', async () => {
    const { simulator, client } = await setup()
    const orderId = await addResting(client, 1)
    simulator.inject({ type: 'status', system: 'maintenance' })
    const status = JSON.parse(
      await client.next((_, p) => p?.channel === 'status'),
    ) as Frame
    expect((status.data as Frame[])[0]).toMatchObject({ system: 'maintenance' })
    expect(simulator.exchange.systemStatus).toBe('maintenance')
    let reply = await client.request('add_order', restingBuy(), 2)
    expect(reply.response.error).toBe('EService:Unavailable')
    reply = await client.request('cancel_order', { order_id: [orderId] }, 3)
    expect(reply.response.error).toBe('EService:Unavailable')

    simulator.inject({ type: 'status', system: 'cancel_only' })
    reply = await client.request('add_order', restingBuy(), 4)
    expect(reply.response.error).toBe('EService:Market in cancel_only mode')

    simulator.inject({ type: 'status', system: 'post_only' })
    reply = await client.request('add_order', restingBuy(), 5)
    expect(reply.response.error).toBe('EService:Market in post_only mode')
    reply = await client.request(
      'add_order',
      { ...restingBuy(), post_only: true },
      6,
    )
    expect(reply.response.success).toBe(true)

    simulator.inject({ type: 'status', system: 'online' })
    reply = await client.request('cancel_order', { order_id: [orderId] }, 7)
    expect(reply.response.success).toBe(true)
  })

  test('error: the starter tier rate counter refuses a burst', async () => {
    const { client } = await setup()
    await client.request(
      'subscribe',
      { channel: 'executions', ratecounter: true },
      1,
    )
    let refused: Frame | undefined
    let reqId = 10
    // Adds cost 1 and cancels of fresh orders 8: the counter (threshold 60) runs out.
    while (refused === undefined && reqId < 200) {
      const orderId = await addResting(client, ++reqId)
      const { response, frames } = await client.request(
        'cancel_order',
        { order_id: [orderId] },
        ++reqId,
      )
      if (response.success === false) refused = response
      else
        expect(updates(frames).at(-1)?.ratecounter).toEqual(expect.any(Number))
    }
    expect(refused).toMatchObject({ error: 'EOrder:Rate limit exceeded' })
  })

  test('behavior: private subscriptions get heartbeats and unsubscribe', async () => {
    const { simulator, client } = await setup({ heartbeatInterval: 5 })
    expect(simulator.exchange.balancesSnapshot('default')).toContainEqual({
      asset: 'BTC',
      asset_class: 'currency',
      balance: 10,
      wallets: [{ type: 'spot', id: 'main', balance: 10 }],
    })
    await client.request('subscribe', { channel: 'balances' }, 1)
    await client.next((_, p) => p?.channel === 'heartbeat')
    expect(simulator.connections()[0]?.subscriptions.has('balances')).toBe(true)
    const again = await client.request('subscribe', { channel: 'balances' }, 2)
    expect(again.response).toMatchObject({
      success: false,
      error: 'Already subscribed',
    })
    const off = await client.request('unsubscribe', { channel: 'balances' }, 3)
    expect(off.response).toMatchObject({
      success: true,
      result: { channel: 'balances' },
    })
    expect(simulator.connections()[0]?.subscriptions.size).toBe(0)
    simulator.exchange.deposit('default', 'USD', 5)
    const missing = await client.request(
      'unsubscribe',
      { channel: 'balances' },
      4,
    )
    expect(missing.response.error).toBe('Subscription Not Found')
    expect(missing.frames.some((f) => f.channel === 'balances')).toBe(false)
  })

  test('behavior: rateTier false disables the counter', async () => {
    const { client } = await setup({ rateTier: false })
    const ack = await client.request('subscribe', { channel: 'executions' }, 1)
    expect(ack.response.result).not.toHaveProperty('maxratecount')
    for (let i = 0; i < 20; i++) {
      const orderId = await addResting(client, 10 + 2 * i)
      const { response } = await client.request(
        'cancel_order',
        { order_id: [orderId] },
        11 + 2 * i,
      )
      expect(response.success).toBe(true)
    }
  })

  test("behavior: the dead man's switch cancels over the socket (injected clock)", async () => {
    let time = Date.parse('2026-09-25T12:00:00Z')
    const pending = new Set<{ at: number; run: () => void }>()
    const scheduler: Scheduler = {
      setTimeout: (run, ms) => {
        const timer = { at: time + ms, run }
        pending.add(timer)
        return timer
      },
      clearTimeout: (handle) => {
        pending.delete(handle as { at: number; run: () => void })
      },
    }
    const advance = (ms: number) => {
      time += ms
      for (const timer of [...pending])
        if (timer.at <= time) {
          pending.delete(timer)
          timer.run()
        }
    }
    const { client } = await setup({ now: () => time, scheduler })
    await client.request('subscribe', { channel: 'executions' }, 1)
    const first = await addResting(client, 2)
    const second = await addResting(client, 3, 49_000)
    const armed = await client.request(
      'cancel_all_orders_after',
      { timeout: 30 },
      4,
    )
    expect(armed.response.result).toEqual({
      currentTime: '2026-09-25T12:00:00Z',
      triggerTime: '2026-09-25T12:00:30Z',
    })
    advance(20_000)
    // Re-arming resets the timer.
    await client.request('cancel_all_orders_after', { timeout: 30 }, 5)
    advance(20_000)
    await client.sync()
    expect(
      updates(client.since(0)).filter((r) => r.exec_type === 'canceled'),
    ).toEqual([])
    const mark = client.frames.length
    advance(10_000)
    await client.sync()
    const cancelled = updates(client.since(mark))
    expect(cancelled.map((r) => [r.order_id, r.exec_type, r.reason])).toEqual([
      [first, 'canceled', 'Cancel all orders after timeout'],
      [second, 'canceled', 'Cancel all orders after timeout'],
    ])
    expect(pending.size).toBe(0)
  })
})
