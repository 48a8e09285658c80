/** Options of {@link createPacer}. */
export interface PacerConfig {
  /** Most cost units that can be spent at once (the bucket size). */
  capacity: number
  /** Cost units regained per second. */
  refillPerSecond: number
  /**
   * The clock, in ms.
   * @default Date.now
   */
  now?: () => number
}

/** A token bucket that paces sends under a rate limit. */
export interface Pacer {
  /**
   * Resolves when `cost` units are available and spends them. Waiters are
   * served first come, first served. Rejects with the signal's reason when
   * `signal` aborts, or with the `cancel()` reason.
   * @throws {RangeError} when `cost` is not above 0 or exceeds the capacity.
   */
  acquire(cost?: number, signal?: AbortSignal): Promise<void>
  /** Spends `cost` units if available now, without waiting. */
  tryAcquire(cost?: number): boolean
  /** Rejects every waiting `acquire()` with `reason` and clears its timer. */
  cancel(reason?: unknown): void
  /** Units available now. */
  readonly available: number
  /** `acquire()` calls waiting. */
  readonly waiting: number
}

interface Waiter {
  readonly cost: number
  readonly resolve: () => void
  readonly reject: (reason: unknown) => void
  readonly signal: AbortSignal | undefined
  readonly onAbort: () => void
}

/**
 * Creates a token-bucket pacer, full at start. Used to replay subscriptions
 * after a reconnect without tripping Kraken's rate limits (level3: 200 cost
 * units per second, standard tier).
 *
 * @example
 * ```ts
 * const pacer = createPacer({ capacity: 200, refillPerSecond: 200 })
 * for (const batch of plan) {
 *   await pacer.acquire(batch.cost, signal)
 *   send(batch)
 * }
 * ```
 */
export function createPacer(config: PacerConfig): Pacer {
  const { capacity, refillPerSecond } = config
  if (!(capacity > 0) || !(refillPerSecond > 0)) {
    throw new RangeError('Pacer capacity and refillPerSecond must be positive.')
  }
  const now = config.now ?? Date.now
  let tokens = capacity
  let refilledAt = now()
  const queue: Waiter[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const refill = () => {
    const time = now()
    tokens = Math.min(
      capacity,
      tokens + ((time - refilledAt) * refillPerSecond) / 1000,
    )
    refilledAt = time
  }

  const checkCost = (cost: number) => {
    if (!(cost > 0) || cost > capacity) {
      throw new RangeError(
        `Cost must be above 0 and at most ${capacity}, got ${cost}.`,
      )
    }
  }

  const settle = (waiter: Waiter) => {
    waiter.signal?.removeEventListener('abort', waiter.onAbort)
  }

  const serve = () => {
    timer = undefined
    refill()
    let head = queue[0]
    while (head !== undefined && tokens >= head.cost) {
      queue.shift()
      tokens -= head.cost
      settle(head)
      head.resolve()
      head = queue[0]
    }
    if (head === undefined) return
    const delay = Math.ceil(((head.cost - tokens) * 1000) / refillPerSecond)
    timer = setTimeout(serve, Math.max(1, delay))
  }

  const schedule = () => {
    if (timer === undefined) serve()
  }

  return {
    acquire(cost = 1, signal) {
      checkCost(cost)
      if (signal?.aborted) return Promise.reject(signal.reason)
      refill()
      if (queue.length === 0 && tokens >= cost) {
        tokens -= cost
        return Promise.resolve()
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          cost,
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter)
            if (index === -1) return
            queue.splice(index, 1)
            reject(signal?.reason)
            // The head may have changed: recompute the wait.
            if (index === 0 && timer !== undefined) {
              clearTimeout(timer)
              timer = undefined
              schedule()
            }
          },
        }
        signal?.addEventListener('abort', waiter.onAbort, { once: true })
        queue.push(waiter)
        schedule()
      })
    },
    tryAcquire(cost = 1) {
      checkCost(cost)
      refill()
      if (queue.length > 0 || tokens < cost) return false
      tokens -= cost
      return true
    },
    cancel(
      reason = new DOMException('The pacer was cancelled.', 'AbortError'),
    ) {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      for (const waiter of queue.splice(0)) {
        settle(waiter)
        waiter.reject(reason)
      }
    },
    get available() {
      refill()
      return tokens
    },
    get waiting() {
      return queue.length
    },
  }
}
