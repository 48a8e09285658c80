import { describe, expect, test } from 'vitest'
import { OrderNotFilledError } from './errors.js'
import type { ExecutionReport, Fill } from './executionReport.js'
import { createOrderTracker } from './orderTracker.js'
import type { OrderEvent } from './orderTrackerTypes.js'

// The docs' executions sequence for one order (sequence 8, 9, 10), verbatim.
const pendingNew: ExecutionReport = {
  order_id: 'OK4GJX-KSTLS-7DZZO5',
  order_userref: 3,
  symbol: 'BTC/USD',
  order_qty: 0.005,
  cum_cost: 0.0,
  time_in_force: 'GTC',
  exec_type: 'pending_new',
  side: 'sell',
  order_type: 'limit',
  limit_price: 26500.0,
  order_status: 'pending_new',
  timestamp: '2023-09-22T10:33:05.709950Z',
}
const newEvent: ExecutionReport = {
  timestamp: '2023-09-22T10:33:05.709982Z',
  order_status: 'new',
  exec_type: 'new',
  order_userref: 3,
  order_id: 'OK4GJX-KSTLS-7DZZO5',
}
const trade: ExecutionReport = {
  order_id: 'OK4GJX-KSTLS-7DZZO5',
  order_userref: 3,
  exec_id: 'TGBB7L-HT5LX-J3BZ4A',
  exec_type: 'trade',
  trade_id: 62887576,
  symbol: 'BTC/USD',
  side: 'sell',
  last_qty: 0.005,
  last_price: 26599.9,
  liquidity_ind: 't',
  cost: 132.9995,
  order_type: 'limit',
  timestamp: '2023-09-22T10:33:05.709993Z',
  order_status: 'partially_filled',
  cum_qty: 0.005,
  cum_cost: 132.9995,
  avg_price: 26599.9,
  fees: [{ asset: 'USD', qty: 0.3458 }],
}
const filledEvent: ExecutionReport = {
  order_id: 'OK4GJX-KSTLS-7DZZO5',
  exec_type: 'filled',
  order_status: 'filled',
  timestamp: '2023-09-22T10:33:05.709999Z',
}
const id = 'OK4GJX-KSTLS-7DZZO5'

function onListenerError(error: unknown): never {
  throw error
}

function update(...executions: ExecutionReport[]) {
  return { type: 'update' as const, executions }
}

async function collect(iterable: AsyncIterable<Fill>): Promise<Fill[]> {
  const out: Fill[] = []
  for await (const fill of iterable) out.push(fill)
  return out
}

describe('createOrderTracker', () => {
  test('default', async () => {
    const tracker = createOrderTracker({ onListenerError })
    const events: OrderEvent['type'][] = []
    tracker.on((event) => events.push(event.type))
    tracker.apply(update(pendingNew))
    const handle = tracker.track(id)
    const fills = collect(handle.fills())
    tracker.apply(update(newEvent))
    expect(tracker.openOrders.get(id)).toMatchObject({
      order_status: 'new',
      order_qty: 0.005,
      limit_price: 26500,
      symbol: 'BTC/USD',
      timestamp: '2023-09-22T10:33:05.709982Z',
    })
    tracker.apply(update(trade))
    expect(tracker.openOrders.get(id)).toMatchObject({
      cum_qty: 0.005,
      order_status: 'partially_filled',
    })
    expect(tracker.openOrders.get(id)).not.toHaveProperty('last_qty')
    tracker.apply(update(filledEvent))
    expect(tracker.openOrders.size).toBe(0)
    const outcome = await handle.done
    expect(outcome.status).toBe('filled')
    expect(outcome.order).toMatchObject({
      cum_qty: 0.005,
      order_status: 'filled',
    })
    await expect(handle.filled).resolves.toBe(outcome)
    expect(
      (await fills).map((f) => [f.exec_id, f.last_qty, f.last_price]),
    ).toEqual([['TGBB7L-HT5LX-J3BZ4A', 0.005, 26599.9]])
    expect(events).toEqual([
      'opened',
      'updated',
      'updated',
      'fill',
      'updated',
      'closed',
    ])
    expect(tracker.get(id)).toMatchObject({ order_status: 'filled' })
  })

  test('behavior: amended changes qty and price', () => {
    const tracker = createOrderTracker({ onListenerError })
    tracker.apply(update(pendingNew, newEvent))
    tracker.apply(
      update({
        order_id: id,
        exec_type: 'amended',
        order_status: 'new',
        amended: true,
        order_qty: 0.01,
        limit_price: 26000,
      }),
    )
    expect(tracker.openOrders.get(id)).toMatchObject({
      order_qty: 0.01,
      limit_price: 26000,
      amended: true,
      side: 'sell',
    })
  })

  test('behavior: a cancel ends the order; filled rejects, done resolves', async () => {
    const tracker = createOrderTracker({ onListenerError })
    tracker.apply(update(pendingNew, newEvent))
    const handle = tracker.track({ order_id: id })
    tracker.apply(
      update({
        order_id: id,
        exec_type: 'canceled',
        order_status: 'canceled',
        reason: 'User requested',
      }),
    )
    await expect(handle.done).resolves.toMatchObject({
      status: 'canceled',
      reason: 'User requested',
    })
    await expect(handle.filled).rejects.toBeInstanceOf(OrderNotFilledError)
    await expect(collect(handle.fills())).resolves.toEqual([])
  })

  test('behavior: handles by cl_ord_id follow the add lifecycle', async () => {
    const tracker = createOrderTracker({ onListenerError })
    tracker.expect('my-order')
    const handle = tracker.track({ cl_ord_id: 'my-order' })
    // the `new` event arrives before the ack, without cl_ord_id
    tracker.apply(update(newEvent))
    tracker.apply(update(trade))
    tracker.acknowledge({ order_id: id, cl_ord_id: 'my-order' })
    expect(handle.order).toMatchObject({
      cl_ord_id: 'my-order',
      cum_qty: 0.005,
    })
    expect(tracker.get('my-order')?.order_id).toBe(id)
    tracker.apply(update(filledEvent))
    await expect(handle.done).resolves.toMatchObject({ status: 'filled' })
    expect((await collect(handle.fills())).length).toBe(1)
  })

  test('behavior: an ack that arrives before the first event links the handle', async () => {
    const tracker = createOrderTracker({ onListenerError })
    tracker.expect('early-ack')
    const handle = tracker.track('early-ack')
    tracker.acknowledge({ order_id: id, cl_ord_id: 'early-ack' })
    tracker.apply(update(newEvent))
    tracker.apply(update(trade))
    tracker.apply(update(filledEvent))
    await expect(handle.done).resolves.toMatchObject({
      status: 'filled',
      order: { cl_ord_id: 'early-ack', order_id: id },
    })
    expect(await collect(handle.fills())).toHaveLength(1)
  })

  test('behavior: a rejected add settles its handles as rejected', async () => {
    const tracker = createOrderTracker({ onListenerError })
    tracker.expect('x1')
    const handle = tracker.track('x1')
    tracker.reject('x1', 'EOrder:Insufficient funds')
    await expect(handle.done).resolves.toEqual({
      status: 'rejected',
      order: undefined,
      reason: 'EOrder:Insufficient funds',
    })
  })

  test('behavior: a snapshot closes absent orders, adds new ones, and reports missing adds', async () => {
    const tracker = createOrderTracker({ onListenerError })
    const events: OrderEvent[] = []
    tracker.on((event) => events.push(event))
    tracker.apply(update(pendingNew, newEvent))
    tracker.apply(
      update({
        order_id: 'GONE-FILLED',
        exec_type: 'new',
        order_status: 'new',
      }),
    )
    const gone = tracker.track(id)
    const goneFilled = tracker.track('GONE-FILLED')
    tracker.expect('lost-add')
    tracker.markOutcomeUnknown('lost-add')
    tracker.expect('found-add')
    tracker.markOutcomeUnknown('found-add')
    const lost = tracker.track('lost-add')
    const nobody = tracker.track('NEVER-PLACED')
    tracker.apply({
      type: 'snapshot',
      executions: [
        {
          order_id: 'NEW-ONE',
          cl_ord_id: 'found-add',
          exec_type: 'pending_new',
          order_status: 'new',
          symbol: 'BTC/USD',
        },
        {
          order_id: 'GONE-FILLED',
          exec_id: 'E1',
          exec_type: 'trade',
          order_status: 'filled',
          last_qty: 1,
        },
      ],
    })
    await expect(gone.done).resolves.toMatchObject({ status: 'closed_unknown' })
    await expect(goneFilled.done).resolves.toMatchObject({ status: 'filled' })
    expect((await collect(goneFilled.fills())).map((f) => f.exec_id)).toEqual([
      'E1',
    ])
    await expect(lost.done).resolves.toMatchObject({ status: 'missing' })
    await expect(nobody.done).resolves.toMatchObject({ status: 'missing' })
    expect([...tracker.openOrders.keys()]).toEqual(['NEW-ONE'])
    expect(
      events.filter((e) => e.type === 'resolved' || e.type === 'missing'),
    ).toEqual([
      {
        type: 'resolved',
        cl_ord_id: 'found-add',
        order: tracker.get('NEW-ONE'),
      },
      { type: 'missing', cl_ord_id: 'lost-add' },
    ])
  })

  test('behavior: an outcome-unknown add is resolved by its first event', () => {
    const tracker = createOrderTracker({ onListenerError })
    const events: OrderEvent[] = []
    tracker.on((event) => events.push(event))
    tracker.expect('c1')
    tracker.markOutcomeUnknown('c1')
    tracker.apply(update({ ...pendingNew, cl_ord_id: 'c1' }))
    expect(events.map((e) => e.type)).toEqual(['opened', 'resolved'])
  })

  test('behavior: without snap_orders a snapshot closes nothing', () => {
    const tracker = createOrderTracker({
      snapshotIncludesOrders: false,
      onListenerError,
    })
    tracker.apply(update(pendingNew))
    tracker.apply({ type: 'snapshot', executions: [] })
    expect(tracker.openOrders.has(id)).toBe(true)
  })

  test('behavior: late events of a closed order do not reopen it; handles made after the end settle at once', async () => {
    const tracker = createOrderTracker({ onListenerError })
    tracker.apply(update(pendingNew, { ...trade, order_status: 'filled' }))
    expect(tracker.openOrders.size).toBe(0)
    tracker.apply(update(filledEvent))
    expect(tracker.openOrders.size).toBe(0)
    await expect(tracker.track(id).done).resolves.toMatchObject({
      status: 'filled',
    })
  })

  test('behavior: the closed cache is bounded', () => {
    const tracker = createOrderTracker({ closedCacheSize: 1, onListenerError })
    tracker.apply(
      update(
        { order_id: 'A', exec_type: 'canceled' },
        { order_id: 'B', exec_type: 'canceled' },
      ),
    )
    expect(tracker.get('A')).toBeUndefined()
    expect(tracker.get('B')).toBeDefined()
    tracker.apply(
      update({ order_id: 'C', cl_ord_id: 'c-id', exec_type: 'canceled' }),
    )
    expect(tracker.get('c-id')?.order_id).toBe('C')
    tracker.apply(update({ order_id: 'D', exec_type: 'canceled' }))
    expect(tracker.get('c-id')).toBeUndefined()
  })

  test('behavior: a listener that throws is isolated and reported', () => {
    const errors: unknown[] = []
    const tracker = createOrderTracker({
      onListenerError: (e) => errors.push(e),
    })
    const seen: string[] = []
    tracker.on(() => {
      throw new Error('boom')
    })
    const off = tracker.on((event) => seen.push(event.type))
    tracker.apply(update(pendingNew))
    off()
    tracker.apply(update(newEvent))
    expect(seen).toEqual(['opened'])
    expect(errors).toHaveLength(2)
  })

  test('behavior: per-order listeners and order ages', () => {
    let now = 1_000
    const tracker = createOrderTracker({ onListenerError, now: () => now })
    const mine: string[] = []
    tracker.on((event) => mine.push(event.type), 'c9')
    tracker.expect('c9')
    tracker.apply(update({ ...pendingNew, cl_ord_id: 'c9' }))
    tracker.apply(update({ order_id: 'OTHER', exec_type: 'new' }))
    now = 4_000
    expect(tracker.ageOf('c9')).toBe(3_000)
    tracker.apply(update({ order_id: id, exec_type: 'amended', order_qty: 1 }))
    now = 4_500
    expect(tracker.ageOf(id)).toBe(500)
    expect(tracker.ageOf('unknown')).toBeUndefined()
    expect(mine).toEqual(['opened', 'updated'])
  })

  test('behavior: reports without order_id are surfaced, not dropped', () => {
    const tracker = createOrderTracker({ onListenerError })
    const events: OrderEvent[] = []
    tracker.on((event) => events.push(event))
    tracker.apply(update({ exec_type: 'status' }))
    expect(events).toEqual([
      { type: 'unmatched', report: { exec_type: 'status' } },
    ])
  })

  test('behavior: close settles pending handles as untracked', async () => {
    const tracker = createOrderTracker({ onListenerError })
    const handle = tracker.track('whatever')
    tracker.close()
    await expect(handle.done).resolves.toMatchObject({ status: 'untracked' })
    await expect(handle.filled).rejects.toMatchObject({ status: 'untracked' })
  })
})
