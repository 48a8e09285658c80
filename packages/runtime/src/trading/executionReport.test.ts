import { describe, expect, test } from 'vitest'
import { type ExecutionReport, mergeReport } from './executionReport.js'
import { createOrderTracker } from './orderTracker.js'

const id = 'OK4GJX-KSTLS-7DZZO5'

/** A report as `JSON.parse` builds it from a hostile frame: `__proto__` is an own key. */
function hostileReport(): ExecutionReport {
  return JSON.parse(
    `{"order_id":"${id}","exec_type":"new","order_status":"new","__proto__":{"polluted":true,"order_status":"filled"}}`,
  ) as ExecutionReport
}

describe('mergeReport', () => {
  test('a __proto__ key stays an own data property and the prototype stays Object.prototype', () => {
    const order = mergeReport(undefined, hostileReport(), id)
    expect(Object.getPrototypeOf(order)).toBe(Object.prototype)
    expect((order as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(order, '__proto__')).toBe(true)
    expect(order.order_status).toBe('new')
  })

  test('merging over an order that holds a __proto__ key keeps it own as well', () => {
    const first = mergeReport(undefined, hostileReport(), id)
    const next = mergeReport(
      first,
      { order_id: id, order_status: 'filled' },
      id,
    )
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype)
    expect(Object.hasOwn(next, '__proto__')).toBe(true)
    expect(next.order_status).toBe('filled')
  })
})

describe('the order tracker and a __proto__ key', () => {
  test('the tracked order keeps its prototype and its own fields', () => {
    const tracker = createOrderTracker({
      onListenerError: (error) => {
        throw error
      },
    })
    tracker.apply({ type: 'update', executions: [hostileReport()] })
    const order = tracker.get(id)
    expect(order).toBeDefined()
    expect(Object.getPrototypeOf(order)).toBe(Object.prototype)
    expect((order as Record<string, unknown>).polluted).toBeUndefined()
    expect(tracker.openOrders.has(id)).toBe(true)
  })
})
