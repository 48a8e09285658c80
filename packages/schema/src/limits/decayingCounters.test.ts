import { expect, test } from 'vitest'
import { createDecayingCounters } from './decayingCounters.js'

test('a value decays linearly, never below zero, per key', () => {
  const counters = createDecayingCounters(() => 2)
  counters.set('BTC/USD', 10, 1_000)
  expect(counters.valueAt('BTC/USD', 1_000)).toBe(10)
  expect(counters.valueAt('BTC/USD', 3_000)).toBe(6)
  expect(counters.valueAt('BTC/USD', 60_000)).toBe(0)
  expect(counters.valueAt('ETH/USD', 3_000)).toBe(0)
  // A clock that goes back does not raise the value.
  expect(counters.valueAt('BTC/USD', 0)).toBe(10)
})

test('the decay rate is read at each use', () => {
  let rate = 1
  const counters = createDecayingCounters(() => rate)
  counters.set('BTC/USD', 10, 0)
  expect(counters.valueAt('BTC/USD', 2_000)).toBe(8)
  rate = 3
  expect(counters.valueAt('BTC/USD', 2_000)).toBe(4)
})

test('set zero and clear forget keys', () => {
  const counters = createDecayingCounters(() => 1)
  counters.set('BTC/USD', 5, 0)
  counters.set('BTC/USD', 0, 0)
  expect(counters.valueAt('BTC/USD', 0)).toBe(0)
  counters.set('ETH/USD', 5, 0)
  counters.clear()
  expect(counters.valueAt('ETH/USD', 0)).toBe(0)
})
