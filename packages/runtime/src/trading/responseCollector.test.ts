import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createResponseCollector, responsePlan } from './responseCollector.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

// The docs' two responses to one cancel_order of two ids.
const first = {
  method: 'cancel_order',
  req_id: 123456789,
  result: { order_id: 'OLUMT4-UTEGU-ZYM7E9' },
  success: true,
  time_in: '2023-09-21T14:36:57.428972Z',
  time_out: '2023-09-21T14:36:57.437952Z',
}
const second = {
  ...first,
  result: { order_id: 'OM5CRX-N2HAL-GFGWE9' },
  time_out: '2023-09-21T14:36:57.438027Z',
}

describe('responsePlan', () => {
  test('default', () => {
    expect(responsePlan('add_order')).toEqual({ count: 1 })
    expect(responsePlan('batch_add')).toEqual({ count: 1 })
    expect(responsePlan('batch_cancel')).toEqual({ count: 1 })
  })

  test('behavior: cancel_order answers once per distinct id, open-ended with userrefs', () => {
    expect(
      responsePlan('cancel_order', { order_id: ['A', 'B'], cl_ord_id: ['c'] }),
    ).toEqual({ count: 3 })
    expect(responsePlan('cancel_order', { order_id: ['A', 'A'] })).toEqual({
      count: 1,
    })
    expect(responsePlan('cancel_order', { order_userref: [7] })).toEqual({
      count: 1,
      openEnded: true,
    })
    expect(
      responsePlan('cancel_order', {
        order_id: ['A', 'B'],
        order_userref: [7],
      }),
    ).toEqual({
      count: 2,
      openEnded: true,
    })
  })
})

describe('createResponseCollector', () => {
  test('default', async () => {
    const collector = createResponseCollector(
      responsePlan('cancel_order', {
        order_id: ['OM5CRX-N2HAL-GFGWE9', 'OLUMT4-UTEGU-ZYM7E9'],
      }),
    )
    collector.push(first)
    expect(collector.isDone).toBe(false)
    collector.push(second)
    expect(collector.isDone).toBe(true)
    await expect(collector.promise).resolves.toEqual([first, second])
  })

  test('behavior: open-ended waits for a quiet window after the last response', async () => {
    const collector = createResponseCollector(
      { count: 1, openEnded: true },
      { quietWindow: 500 },
    )
    collector.push(first)
    vi.advanceTimersByTime(499)
    collector.push(second)
    vi.advanceTimersByTime(499)
    expect(collector.isDone).toBe(false)
    vi.advanceTimersByTime(1)
    expect(collector.isDone).toBe(true)
    await expect(collector.promise).resolves.toEqual([first, second])
  })

  test('behavior: a whole-request rejection completes at once', async () => {
    const failure = {
      method: 'cancel_order',
      req_id: 1,
      success: false,
      error: 'EGeneral:Invalid arguments',
    }
    const collector = createResponseCollector({ count: 3 })
    collector.push(failure)
    await expect(collector.promise).resolves.toEqual([failure])
    collector.push(first)
    expect(collector.responses).toEqual([failure])
  })

  test('error: abort rejects and keeps the partial responses', async () => {
    const collector = createResponseCollector({ count: 1, openEnded: true })
    collector.push(first)
    const error = new Error('socket closed')
    collector.abort(error)
    await expect(collector.promise).rejects.toBe(error)
    expect(collector.responses).toEqual([first])
    vi.runAllTimers()
    expect(vi.getTimerCount()).toBe(0)
  })
})
