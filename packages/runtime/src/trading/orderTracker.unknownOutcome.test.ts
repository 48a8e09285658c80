import { describe, expect, test } from 'vitest'
import type { ExecutionReport } from './executionReport.js'
import { createOrderTracker } from './orderTracker.js'
import type { OrderEvent } from './orderTrackerTypes.js'

const clOrdId = 'c0ffee00-0000-4000-8000-000000000001'
const placed: ExecutionReport = {
  order_id: 'OABCDE-FGHIJ-KLMNOP',
  cl_ord_id: clOrdId,
  symbol: 'BTC/USD',
  exec_type: 'new',
  order_status: 'new',
}

function tracked() {
  let time = 1_000
  const events: OrderEvent[] = []
  const tracker = createOrderTracker({
    onListenerError: (error) => {
      throw error
    },
    now: () => time,
  })
  tracker.on((event) => {
    events.push(event)
  })
  return {
    tracker,
    events,
    advance: (ms: number) => {
      time += ms
    },
  }
}

describe('an add whose answer was lost', () => {
  test('a snapshot before its grace ends does not report it missing, nor settle its handle', async () => {
    const { tracker, events } = tracked()
    tracker.markOutcomeUnknown(clOrdId, 5_000)
    const handle = tracker.track(clOrdId)
    tracker.apply({ type: 'snapshot', executions: [] })
    expect(events).toEqual([])
    expect(tracker.unresolved()).toEqual([clOrdId])
    tracker.apply({ type: 'update', executions: [placed] })
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'resolved', cl_ord_id: clOrdId }),
    )
    expect(handle.order?.order_id).toBe(placed.order_id)
    expect(tracker.unresolved()).toEqual([])
  })

  test('after its grace, the expiry check reports it missing only once a snapshot missed it', async () => {
    const { tracker, events, advance } = tracked()
    tracker.markOutcomeUnknown(clOrdId, 5_000)
    advance(10_000)
    tracker.expireUnknown()
    expect(events).toEqual([])
    tracker.apply({ type: 'snapshot', executions: [] })
    expect(events).toEqual([{ type: 'missing', cl_ord_id: clOrdId }])
  })

  test('reported missing, then seen: resolved, and the settled handle reads the order', async () => {
    const { tracker, events, advance } = tracked()
    tracker.markOutcomeUnknown(clOrdId, 5_000)
    const handle = tracker.track(clOrdId)
    tracker.apply({ type: 'snapshot', executions: [] })
    advance(5_000)
    tracker.expireUnknown()
    await expect(handle.done).resolves.toMatchObject({ status: 'missing' })
    expect(events).toEqual([{ type: 'missing', cl_ord_id: clOrdId }])
    tracker.apply({ type: 'update', executions: [placed] })
    expect(events.at(-1)).toMatchObject({
      type: 'resolved',
      cl_ord_id: clOrdId,
      order: { order_id: placed.order_id },
    })
    expect(handle.order?.order_id).toBe(placed.order_id)
    expect(tracker.openOrders.has(String(placed.order_id))).toBe(true)
  })

  test('confirmMissing reports it at once (another source says the exchange does not hold it)', () => {
    const { tracker, events } = tracked()
    tracker.markOutcomeUnknown(clOrdId, 5_000)
    tracker.confirmMissing(clOrdId)
    tracker.confirmMissing(clOrdId)
    expect(events).toEqual([{ type: 'missing', cl_ord_id: clOrdId }])
  })
})
