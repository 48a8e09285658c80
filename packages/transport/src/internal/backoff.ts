/** Shape of the exponential backoff. */
export type BackoffPolicy = {
  /** Ceiling of the first wait (ms). */
  initialDelay: number
  /** Ceiling of any wait (ms). */
  maxDelay: number
  /** Growth of the ceiling per attempt. */
  factor: number
}

/**
 * Exponential backoff with full jitter: a uniform wait between 0 and
 * `min(maxDelay, initialDelay * factor^attempt)`. Full jitter spreads the
 * reconnects of many clients after a shared outage instead of lining them up.
 * `attempt` counts from 0; `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    policy.maxDelay,
    policy.initialDelay * policy.factor ** Math.max(0, attempt),
  )
  return Math.floor(ceiling * random())
}
