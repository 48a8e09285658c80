import { describe, expect, test } from 'vitest'
import { type Priced, SortedLevels } from './sortedLevels.js'

/*
 * The cost of applying n levels to one side, counted rather than timed:
 * every price read (each comparison reads two) and every element written
 * into the side's array (an insertion moves every element behind it).
 */

interface Counts {
  priceReads: number
  writes: number
}

/** An entry whose price getter counts reads. */
function counted(price: number, counts: Counts): Priced {
  return {
    get price() {
      counts.priceReads++
      return price
    },
  }
}

/** A side whose array counts every element written into it. */
function countedSide(
  descending: boolean,
  counts: Counts,
): SortedLevels<Priced> {
  const side = new SortedLevels<Priced>(descending)
  const entries = new Proxy(side.entries, {
    set(target, key, value, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counts.writes++
      return Reflect.set(target, key, value, receiver)
    },
  })
  Object.defineProperty(side, 'entries', { value: entries })
  return side
}

const N = 20_000
const DEPTH = 1000

/** Bid prices worst (lowest) first: each one lands at the front. */
function worstFirst(counts: Counts): Priced[] {
  return Array.from({ length: N }, (_, i) => counted(1 + i / 100_000, counts))
}

describe('SortedLevels cost of n levels, worst first', () => {
  test('behavior: one by one, each insertion moves the whole side (why bulk exists)', () => {
    const counts = { priceReads: 0, writes: 0 }
    const side = countedSide(true, counts)
    const levels = worstFirst(counts)
    counts.priceReads = 0
    for (const level of levels.slice(0, 500)) side.set(level)
    // 500 insertions at the front: about 500²/2 moves.
    expect(counts.writes).toBeGreaterThan(500 ** 2 / 2)
  })

  test('behavior: in bulk, O(n log n) comparisons and only the kept depth written', () => {
    const counts = { priceReads: 0, writes: 0 }
    const side = countedSide(true, counts)
    const levels = worstFirst(counts)
    counts.priceReads = 0
    side.beginBulk()
    for (const level of levels) side.set(level)
    side.endBulk(DEPTH)
    expect(side.entries).toHaveLength(DEPTH)
    expect(side.entries[0]?.price).toBe(1 + (N - 1) / 100_000)
    expect(side.entries[DEPTH - 1]?.price).toBe(1 + (N - DEPTH) / 100_000)
    const log2 = Math.log2(N)
    // A comparison reads two prices; resolving reads a few per item.
    expect(counts.priceReads).toBeLessThan(4 * N * log2)
    expect(counts.writes).toBeLessThanOrEqual(DEPTH)
  })

  test('behavior: in bulk, the last set or remove at a price wins', () => {
    const side = new SortedLevels<Priced & { readonly tag: string }>(false)
    side.set({ price: 5, tag: 'kept' })
    side.set({ price: 6, tag: 'removed' })
    side.beginBulk()
    side.set({ price: 3, tag: 'first' })
    side.set({ price: 3, tag: 'second' })
    side.remove(6)
    side.set({ price: 7, tag: 'gone' })
    side.remove(7)
    side.remove(8)
    side.set({ price: 9, tag: 'back' })
    side.remove(9)
    side.set({ price: 9, tag: 'again' })
    side.endBulk(10)
    expect(side.entries.map((e) => [e.price, e.tag])).toEqual([
      [3, 'second'],
      [5, 'kept'],
      [9, 'again'],
    ])
  })

  test('behavior: a lookup during a bulk change sees the staged state, and cut entries are reported', () => {
    const side = new SortedLevels<Priced>(true)
    side.set({ price: 1 })
    side.beginBulk()
    side.set({ price: 2 })
    expect(side.get(2)?.price).toBe(2)
    side.remove(1)
    expect(side.get(1)).toBeUndefined()
    side.set({ price: 3 })
    side.set({ price: 4 })
    const dropped: number[] = []
    side.endBulk(2, (entry) => dropped.push(entry.price))
    expect(side.entries.map((e) => e.price)).toEqual([4, 3])
    expect(dropped).toEqual([2])
  })
})
