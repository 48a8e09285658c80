import { expect, test } from 'vitest'
import { createPrng } from './prng.js'

test('default', () => {
  const a = createPrng(7)
  const b = createPrng(7)
  const draws = Array.from({ length: 5 }, () => a.uint32())
  expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(draws)
  expect(new Set(draws).size).toBe(5)
})

test('behavior: different seeds and forks diverge', () => {
  expect(createPrng(1).uint32()).not.toBe(createPrng(2).uint32())
  const root = createPrng('x')
  expect(root.fork('a').uint32()).not.toBe(root.fork('b').uint32())
  expect(createPrng('x').fork('a').uint32()).toBe(root.fork('a').uint32())
})

test('behavior: int stays in range', () => {
  const prng = createPrng(3)
  for (let i = 0; i < 1000; i++) {
    const value = prng.int(2, 4)
    expect(value >= 2 && value <= 4).toBe(true)
  }
  const f = prng.next()
  expect(f >= 0 && f < 1).toBe(true)
})
