import { performance } from 'node:perf_hooks'

/** Where a writer reads time. */
export type TapeClock = {
  /** Wall clock, µs since the epoch. */
  wallMicros(): number
  /** A monotonic clock, µs from any fixed origin. */
  monoMicros(): number
}

// Read once: the getter is not free, and the origin never changes.
const origin = performance.timeOrigin

/**
 * Microseconds of `performance.now()` to add for the wall clock. A writer on
 * the process clock reads `performance.now()` once per frame for both stamps.
 * @internal
 */
export const PROCESS_TIME_ORIGIN_MICROS = origin * 1000

/** The process clock: wall time from `performance.timeOrigin`, monotonic from `performance.now()`. */
export const systemClock: TapeClock = {
  wallMicros: () => Math.round((origin + performance.now()) * 1000),
  monoMicros: () => Math.round(performance.now() * 1000),
}
