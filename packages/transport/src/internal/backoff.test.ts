import { expect, test } from 'vitest'
import { backoffDelay } from './backoff.js'

const policy = { initialDelay: 1_000, maxDelay: 30_000, factor: 2 }

test('default', () => {
  expect(backoffDelay(0, policy, () => 0.5)).toBe(500)
  expect(backoffDelay(3, policy, () => 0.5)).toBe(4_000)
})

test('behavior: the ceiling grows by factor and stops at maxDelay', () => {
  const ceilings = [0, 1, 2, 3, 4, 5, 6, 20].map((n) =>
    backoffDelay(n, policy, () => 0.999_999),
  )
  expect(ceilings).toEqual([
    999, 1_999, 3_999, 7_999, 15_999, 29_999, 29_999, 29_999,
  ])
})

test('behavior: full jitter spans zero to the ceiling', () => {
  expect(backoffDelay(4, policy, () => 0)).toBe(0)
  const samples = Array.from({ length: 200 }, () => backoffDelay(2, policy))
  expect(Math.min(...samples)).toBeGreaterThanOrEqual(0)
  expect(Math.max(...samples)).toBeLessThan(4_000)
  expect(new Set(samples).size).toBeGreaterThan(50)
})
