import { describe, expect, test } from 'vitest'
import { transactionCost } from './transactionCost.js'

describe('transactionCost', () => {
  test('default', () => {
    expect(transactionCost({ type: 'add' })).toBe(1)
  })

  test('behavior: amend penalty shrinks with the order age', () => {
    const costs = [0, 4_999, 5_000, 9_999, 10_000, 14_999, 15_000, 60_000].map(
      (ageMs) => transactionCost({ type: 'amend', ageMs }),
    )
    expect(costs).toEqual([4, 4, 3, 3, 2, 2, 1, 1])
  })

  test('behavior: edit penalty follows its own column', () => {
    const costs = [1_000, 7_000, 12_000, 30_000, 60_000, 100_000].map((ageMs) =>
      transactionCost({ type: 'edit', ageMs }),
    )
    expect(costs).toEqual([7, 6, 5, 3, 2, 1])
  })

  test('behavior: cancel costs nothing fixed, only the age penalty', () => {
    const costs = [
      1_000, 7_000, 12_000, 30_000, 60_000, 100_000, 299_999, 300_000,
    ].map((ageMs) => transactionCost({ type: 'cancel', ageMs }))
    expect(costs).toEqual([8, 6, 5, 4, 2, 1, 1, 0])
  })

  test('behavior: batches cost per order', () => {
    expect(transactionCost({ type: 'batch_add', count: 5 })).toBe(2.5)
    expect(
      transactionCost({ type: 'batch_cancel', agesMs: [0, 6_000, 400_000] }),
    ).toBe(8 + 6 + 0)
  })
})
