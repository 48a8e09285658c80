import { describe, expect, test } from 'vitest'
import type { ExecutionReport } from './executionReport.js'
import { createOrderTracker } from './orderTracker.js'
import type { OrderEvent } from './orderTrackerTypes.js'

/** A new order tagged 42, placed with no cl_ord_id. */
const tagged = (order_id: string, order_userref = 42): ExecutionReport => ({
  order_id,
  order_userref,
  symbol: 'BTC/USD',
  exec_type: 'new',
  order_status: 'new',
})

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
  const lifecycle = () =>
    events.filter((e) => e.type === 'missing' || e.type === 'resolved')
  return { tracker, events, lifecycle, advance: (ms: number) => (time += ms) }
}

describe('an add placed with only order_userref whose answer was lost', () => {
  test('is tracked by its key, and a new order with that tag resolves it', () => {
    const { tracker, lifecycle } = tracked()
    const key = tracker.markUserrefUnknown(42, 5_000)
    expect(tracker.unresolved()).toEqual([key])
    tracker.apply({ type: 'snapshot', executions: [] })
    expect(lifecycle()).toEqual([])
    tracker.apply({ type: 'update', executions: [tagged('OAAAAA-1')] })
    expect(lifecycle()).toEqual([
      expect.objectContaining({
        type: 'resolved',
        cl_ord_id: '',
        order_userref: 42,
        order: expect.objectContaining({ order_id: 'OAAAAA-1' }),
      }),
    ])
    expect(tracker.unresolved()).toEqual([])
  })

  test('an order already known, or with another tag, or with a cl_ord_id, does not resolve it', () => {
    const { tracker, lifecycle } = tracked()
    tracker.apply({ type: 'snapshot', executions: [tagged('OOLD-1')] })
    const key = tracker.markUserrefUnknown(42, 5_000)
    tracker.apply({
      type: 'update',
      executions: [
        { order_id: 'OOLD-1', exec_type: 'amended', order_userref: 42 },
        tagged('OOTHER-1', 7),
        { ...tagged('OCL-1'), cl_ord_id: 'some-client-id' },
      ],
    })
    expect(lifecycle()).toEqual([])
    expect(tracker.unresolved()).toEqual([key])
  })

  test('is missing only after its grace and a snapshot without it; seen later, it is resolved', () => {
    const { tracker, lifecycle, advance } = tracked()
    tracker.markUserrefUnknown(42, 5_000)
    advance(10_000)
    tracker.expireUnknown()
    expect(lifecycle()).toEqual([])
    tracker.apply({ type: 'snapshot', executions: [] })
    expect(lifecycle()).toEqual([
      { type: 'missing', cl_ord_id: '', order_userref: 42 },
    ])
    tracker.apply({ type: 'update', executions: [tagged('OLATE-1')] })
    expect(lifecycle().at(-1)).toMatchObject({
      type: 'resolved',
      cl_ord_id: '',
      order_userref: 42,
      order: { order_id: 'OLATE-1' },
    })
  })

  test('two lost adds with the same tag each need their own order', () => {
    const { tracker, lifecycle } = tracked()
    const first = tracker.markUserrefUnknown(42, 5_000)
    const second = tracker.markUserrefUnknown(42, 5_000)
    expect(first).not.toBe(second)
    tracker.apply({ type: 'update', executions: [tagged('OONE-1')] })
    expect(tracker.unresolved()).toEqual([second])
    tracker.confirmMissing(second)
    expect(lifecycle().map((e) => e.type)).toEqual(['resolved', 'missing'])
    expect(tracker.unresolved()).toEqual([])
  })

  test('its order streamed in before the answer was given up on: nothing is left unknown, and that order is not reused', () => {
    const { tracker, lifecycle, advance } = tracked()
    const sentAt = 1_000
    tracker.apply({ type: 'snapshot', executions: [tagged('OOLD-1')] })
    advance(10)
    tracker.apply({ type: 'update', executions: [tagged('ONEW-1')] })
    tracker.markUserrefUnknown(42, 5_000, sentAt + 5)
    expect(tracker.unresolved()).toEqual([])
    // A second lost add with the tag cannot take ONEW-1 (nor the older one).
    const second = tracker.markUserrefUnknown(42, 5_000, sentAt + 5)
    expect(tracker.unresolved()).toEqual([second])
    expect(lifecycle()).toEqual([])
  })
})
