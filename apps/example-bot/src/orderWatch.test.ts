import type {
  OrderEvent,
  OrderHandle,
  OrderOutcome,
} from '@kraken-sockets/runtime'
import { afterEach, expect, test, vi } from 'vitest'
import { describeOrderState, orderOutcome, orderState } from './orderWatch.js'

afterEach(() => {
  vi.useRealTimers()
})

/** A handle whose state and end the test drives, and an `onOrder` registry. */
function fakeOrder() {
  let settle: (outcome: OrderOutcome) => void = () => {}
  const state: { order: OrderHandle['order'] } = { order: undefined }
  const handle: OrderHandle = {
    id: 'O1',
    get order() {
      return state.order
    },
    done: new Promise((resolve) => {
      settle = resolve
    }),
    filled: new Promise(() => {}),
    fills: () => [][Symbol.iterator]() as never,
  }
  const listeners = new Set<(event: OrderEvent) => void>()
  const kraken = {
    onOrder: (listener: (event: OrderEvent) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    handle,
    kraken,
    listeners,
    state,
    settle: (o: OrderOutcome) => settle(o),
  }
}

test('default: resolves with the state at the first order event', async () => {
  const { handle, kraken, listeners, state } = fakeOrder()
  const waiting = orderState(kraken, handle, new AbortController().signal)
  const order = {
    order_id: 'O1',
    order_status: 'new' as const,
    order_qty: 0.5,
    cum_qty: 0,
  }
  state.order = order
  for (const listener of listeners)
    listener({ type: 'opened', order } as OrderEvent)
  await expect(waiting).resolves.toBe(order)
  expect(listeners.size).toBe(0)
  expect(describeOrderState(order)).toBe('new, 0 of 0.5 filled')
})

test('error: no event within the timeout resolves undefined and leaves nothing behind', async () => {
  vi.useFakeTimers()
  const { handle, kraken, listeners } = fakeOrder()
  const waiting = orderState(
    kraken,
    handle,
    new AbortController().signal,
    1_000,
  )
  await vi.advanceTimersByTimeAsync(1_000)
  await expect(waiting).resolves.toBeUndefined()
  expect(listeners.size).toBe(0)
  expect(vi.getTimerCount()).toBe(0)
  expect(describeOrderState(undefined)).toBe(
    'not seen on the executions feed yet',
  )
})

test('behavior: the outcome wait ends on abort, and with the outcome otherwise', async () => {
  vi.useFakeTimers()
  const first = fakeOrder()
  const stop = new AbortController()
  const aborted = orderOutcome(first.handle, stop.signal, 1_000)
  stop.abort()
  await expect(aborted).resolves.toBeUndefined()
  expect(vi.getTimerCount()).toBe(0)
  const second = fakeOrder()
  const ended = orderOutcome(second.handle, new AbortController().signal, 1_000)
  second.settle({ status: 'canceled', order: undefined })
  await expect(ended).resolves.toMatchObject({ status: 'canceled' })
  expect(vi.getTimerCount()).toBe(0)
})
