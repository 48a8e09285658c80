/**
 * Per-key counters that decay linearly with time and never go below zero:
 * the mechanism of Kraken's per-pair trading rate counter, shared by
 * schema's exact counter (`createRateCounter`) and the runtime's advisory one.
 */
export type DecayingCounters = {
  /** The key's value at `at` (ms since the epoch), after decay. */
  valueAt(key: string, at: number): number
  /** Sets the key's value as of `at`; a zero forgets the key. */
  set(key: string, value: number, at: number): void
  /** Forgets every key. */
  clear(): void
}

/**
 * Creates decaying counters. `decayPerSecond` is read at each use, so that
 * the rate may change (the runtime learns its tier from Kraken).
 *
 * @example
 * ```ts
 * import { createDecayingCounters } from '@kraken-sockets/schema'
 *
 * const counters = createDecayingCounters(() => 1)
 * counters.set('BTC/USD', 10, 0)
 * counters.valueAt('BTC/USD', 4_000) // 6
 * ```
 */
export function createDecayingCounters(
  decayPerSecond: () => number,
): DecayingCounters {
  const values = new Map<string, { value: number; at: number }>()
  return {
    valueAt(key, at) {
      const state = values.get(key)
      if (state === undefined) return 0
      const elapsed = Math.max(0, at - state.at) / 1000
      return Math.max(0, state.value - elapsed * decayPerSecond())
    },
    set(key, value, at) {
      if (value === 0) values.delete(key)
      else values.set(key, { value, at })
    },
    clear: () => values.clear(),
  }
}
