import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createPacer } from './pacer.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Records when each acquire resolves, in fake ms since the test began. */
function track(promise: Promise<void>, label: string, log: string[]) {
  const start = Date.now()
  promise.then(
    () => log.push(`${label}@${Date.now() - start}`),
    (error: unknown) => log.push(`${label}:${(error as Error).name}`),
  )
}

test('default', async () => {
  const pacer = createPacer({ capacity: 200, refillPerSecond: 200 })
  const log: string[] = []
  // Three level3 batches of cost 200, 200 and 100: one per second.
  track(pacer.acquire(200), 'a', log)
  track(pacer.acquire(200), 'b', log)
  track(pacer.acquire(100), 'c', log)
  await vi.advanceTimersByTimeAsync(0)
  expect(log).toEqual(['a@0'])
  await vi.advanceTimersByTimeAsync(999)
  expect(log).toEqual(['a@0'])
  await vi.advanceTimersByTimeAsync(1)
  expect(log).toEqual(['a@0', 'b@1000'])
  await vi.advanceTimersByTimeAsync(500)
  expect(log).toEqual(['a@0', 'b@1000', 'c@1500'])
  expect(pacer.waiting).toBe(0)
  expect(vi.getTimerCount()).toBe(0)
})

test('behavior: first come, first served even when a later cost would fit', async () => {
  const pacer = createPacer({ capacity: 10, refillPerSecond: 10 })
  const log: string[] = []
  expect(pacer.tryAcquire(8)).toBe(true)
  track(pacer.acquire(10), 'big', log)
  track(pacer.acquire(1), 'small', log)
  expect(pacer.tryAcquire(1)).toBe(false)
  await vi.advanceTimersByTimeAsync(800)
  expect(log).toEqual(['big@800'])
  await vi.advanceTimersByTimeAsync(100)
  expect(log).toEqual(['big@800', 'small@900'])
})

test('behavior: tokens refill up to capacity while idle', async () => {
  const pacer = createPacer({ capacity: 5, refillPerSecond: 1 })
  expect(pacer.tryAcquire(5)).toBe(true)
  expect(pacer.available).toBe(0)
  await vi.advanceTimersByTimeAsync(2_000)
  expect(pacer.available).toBe(2)
  await vi.advanceTimersByTimeAsync(60_000)
  expect(pacer.available).toBe(5)
})

test('behavior: abort removes a waiter and the next one moves up', async () => {
  const pacer = createPacer({ capacity: 4, refillPerSecond: 4 })
  const log: string[] = []
  const controller = new AbortController()
  pacer.tryAcquire(4)
  track(pacer.acquire(4, controller.signal), 'aborted', log)
  track(pacer.acquire(1), 'next', log)
  await vi.advanceTimersByTimeAsync(100)
  controller.abort()
  await vi.advanceTimersByTimeAsync(0)
  expect(log).toEqual(['aborted:AbortError'])
  await vi.advanceTimersByTimeAsync(150)
  expect(log).toEqual(['aborted:AbortError', 'next@250'])
  await expect(pacer.acquire(1, AbortSignal.abort())).rejects.toMatchObject({
    name: 'AbortError',
  })
})

test('error: cancel rejects every waiter and leaves no timer', async () => {
  const pacer = createPacer({ capacity: 1, refillPerSecond: 1 })
  pacer.tryAcquire()
  const first = pacer.acquire()
  const second = pacer.acquire()
  pacer.cancel(new Error('stopped'))
  await expect(first).rejects.toThrow('stopped')
  await expect(second).rejects.toThrow('stopped')
  expect(vi.getTimerCount()).toBe(0)
  expect(pacer.waiting).toBe(0)
})

test('error: invalid costs and config', () => {
  const pacer = createPacer({ capacity: 10, refillPerSecond: 1 })
  expect(() => pacer.acquire(11)).toThrow(RangeError)
  expect(() => pacer.tryAcquire(0)).toThrow(RangeError)
  expect(() => createPacer({ capacity: 0, refillPerSecond: 1 })).toThrow(
    RangeError,
  )
  expect(() =>
    createPacer({ capacity: 1, refillPerSecond: Number.NaN }),
  ).toThrow(RangeError)
})
