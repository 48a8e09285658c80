import { afterEach, expect, test, vi } from 'vitest'
import { createConnectionBudget } from './budget.js'
import { InvalidConfigError } from './errors.js'

afterEach(() => {
  vi.useRealTimers()
})

test('default', () => {
  vi.useFakeTimers()
  const budget = createConnectionBudget()
  let taken = 0
  while (budget.tryTake()) taken++
  expect(taken).toBe(100)
  expect(budget.waitTime()).toBe(600_000)
})

test('behavior: a sliding window frees slots as attempts age out', () => {
  vi.useFakeTimers()
  const budget = createConnectionBudget({ limit: 3, window: 10_000 })
  expect(budget.tryTake()).toBe(true)
  vi.advanceTimersByTime(4_000)
  expect(budget.tryTake()).toBe(true)
  expect(budget.tryTake()).toBe(true)
  expect(budget.tryTake()).toBe(false)
  expect(budget.remaining).toBe(0)
  expect(budget.waitTime()).toBe(6_000)
  vi.advanceTimersByTime(6_000)
  expect(budget.remaining).toBe(1)
  expect(budget.waitTime()).toBe(0)
  expect(budget.tryTake()).toBe(true)
  expect(budget.waitTime()).toBe(4_000)
})

test('behavior: a crash loop stays under Kraken limit of ~150 per 10 minutes', () => {
  vi.useFakeTimers()
  const budget = createConnectionBudget()
  let attempts = 0
  // One attempt wanted every 100 ms for 30 minutes.
  for (let t = 0; t < 1_800_000; t += 100) {
    if (budget.tryTake()) attempts++
    vi.advanceTimersByTime(100)
  }
  expect(attempts).toBe(300)
})

test('error: bad limits', () => {
  expect(() => createConnectionBudget({ limit: 0 })).toThrow(InvalidConfigError)
  expect(() => createConnectionBudget({ window: -1 })).toThrow(
    InvalidConfigError,
  )
})
