import type { TransportEndpoint } from '@kraken-sockets/transport'

/** Retry backoff: 0.5 s doubling to 30 s. */
const RETRY_BASE = 500
const RETRY_MAX = 30_000

/** Options of {@link SubscriptionRetry}. */
export interface SubscriptionRetryConfig {
  /** Starts a tracked timer; returns its canceller. */
  readonly timer: (callback: () => void, ms: number) => () => void
  /**
   * Resends the pending intents of `endpoint`; returns how many it resent
   * (0: nothing left to retry, the backoff starts over).
   */
  readonly retry: (endpoint: TransportEndpoint) => number
}

/**
 * One backoff per endpoint for intents left pending while the socket stays
 * up (a transient refusal, an ack that never came): at most one retry is
 * scheduled per endpoint, each later than the last until nothing is left.
 */
export class SubscriptionRetry {
  #config: SubscriptionRetryConfig
  #scheduled = new Map<TransportEndpoint, () => void>()
  #attempts = new Map<TransportEndpoint, number>()

  constructor(config: SubscriptionRetryConfig) {
    this.#config = config
  }

  /** Schedules a retry of `endpoint`'s pending intents, unless one is scheduled. */
  schedule(endpoint: TransportEndpoint): void {
    if (this.#scheduled.has(endpoint)) return
    const attempt = this.#attempts.get(endpoint) ?? 0
    this.#attempts.set(endpoint, attempt + 1)
    const delay = Math.min(RETRY_MAX, RETRY_BASE * 2 ** attempt)
    const cancel = this.#config.timer(() => {
      this.#scheduled.delete(endpoint)
      if (this.#config.retry(endpoint) === 0) this.#attempts.delete(endpoint)
    }, delay)
    this.#scheduled.set(endpoint, cancel)
  }

  /** The socket of `endpoint` went away: its reopening replays everything. */
  cancel(endpoint: TransportEndpoint): void {
    this.#scheduled.get(endpoint)?.()
    this.#scheduled.delete(endpoint)
    this.#attempts.delete(endpoint)
  }

  /** Cancels every scheduled retry. */
  stop(): void {
    for (const cancel of this.#scheduled.values()) cancel()
    this.#scheduled.clear()
    this.#attempts.clear()
  }
}
