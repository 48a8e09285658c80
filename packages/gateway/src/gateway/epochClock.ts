/**
 * Hands out epochs: milliseconds since 1970, bumped past the last one handed
 * out, so that epochs grow within a process and across restarts and
 * fail-overs (between machines whose clocks agree to within the time a
 * restart takes).
 */
export function createEpochClock(now: () => number = Date.now): () => number {
  let last = 0
  return () => {
    last = Math.max(now(), last + 1)
    return last
  }
}
