/**
 * Every timer the simulator starts goes through one registry, so `close()`
 * can clear them all and tests can assert that none is left behind.
 */
export type Timers = {
  /** Runs `callback` once after `ms`; the returned function cancels it. */
  timeout(callback: () => void, ms: number): () => void
  /** Runs `callback` every `ms`; the returned function stops it. */
  interval(callback: () => void, ms: number): () => void
  /** How many timers are pending now. */
  readonly active: number
  /** Clears every pending timer. */
  clear(): void
}

/** Creates a timer registry over the global timers (looked up at call time). */
export function createTimers(): Timers {
  const cancels = new Set<() => void>()
  const track = (cancel: () => void): (() => void) => {
    const once = () => {
      if (cancels.delete(once)) cancel()
    }
    cancels.add(once)
    return once
  }
  return {
    timeout(callback, ms) {
      const stop = track(() => clearTimeout(handle))
      const handle = setTimeout(() => {
        cancels.delete(stop)
        callback()
      }, ms)
      return stop
    },
    interval(callback, ms) {
      const handle = setInterval(callback, ms)
      return track(() => clearInterval(handle))
    },
    get active() {
      return cancels.size
    },
    clear() {
      for (const cancel of [...cancels]) cancel()
    },
  }
}
