/** A seeded generator of numbers in [0, 1) (mulberry32): one seed, one storm. */
export type Random = {
  (): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  /** One of `items`. */
  pick<T>(items: readonly T[]): T
}

/** Creates the storm's random source from a seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }) as Random
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1))
  next.pick = (items) => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)] as (typeof items)[number]
  }
  return next
}
