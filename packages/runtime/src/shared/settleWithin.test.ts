import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { settleWithin } from './settleWithin.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

test('default', async () => {
  await expect(settleWithin(Promise.resolve('x'), 100)).resolves.toBe(true)
  expect(vi.getTimerCount()).toBe(0)
})

test('behavior: a rejection counts as settled and is handled', async () => {
  await expect(settleWithin(Promise.reject(new Error('x')), 100)).resolves.toBe(
    true,
  )
})

test('behavior: false after the bound', async () => {
  const result = settleWithin(new Promise(() => {}), 100)
  await vi.advanceTimersByTimeAsync(100)
  await expect(result).resolves.toBe(false)
})
