type Waiter<TValue> = {
  resolve: (value: TValue) => void
  reject: (error: unknown) => void
  cleanup: () => void
}

/**
 * Promises waiting for the first value of a key (a symbol, an asset). Each
 * one settles exactly once: with the value, with its signal's reason when
 * aborted, or with the error given to `rejectAll` (the client stopping), so
 * none is left hanging.
 */
export class KeyedWaiters<TKey, TValue> {
  #waiters = new Map<TKey, Set<Waiter<TValue>>>()

  /** Resolves with the next value of `key`; rejects when `signal` aborts. */
  wait(key: TKey, signal?: AbortSignal): Promise<TValue> {
    if (signal?.aborted === true) return Promise.reject(signal.reason)
    return new Promise<TValue>((resolve, reject) => {
      let set = this.#waiters.get(key)
      if (set === undefined) {
        set = new Set()
        this.#waiters.set(key, set)
      }
      const waiters = set
      const onAbort = () => {
        remove()
        reject(signal?.reason)
      }
      const remove = () => {
        waiters.delete(waiter)
        if (waiters.size === 0 && this.#waiters.get(key) === waiters)
          this.#waiters.delete(key)
        signal?.removeEventListener('abort', onAbort)
      }
      const waiter: Waiter<TValue> = { resolve, reject, cleanup: remove }
      waiters.add(waiter)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Whether a promise waits for `key`. */
  has(key: TKey): boolean {
    return this.#waiters.has(key)
  }

  /** Settles every waiter of `key` with `value`. */
  resolve(key: TKey, value: TValue): void {
    const waiters = this.#waiters.get(key)
    if (waiters === undefined) return
    this.#waiters.delete(key)
    for (const waiter of waiters) {
      waiter.cleanup()
      waiter.resolve(value)
    }
  }

  /** Rejects every waiter with `error`. */
  rejectAll(error: unknown): void {
    const all = [...this.#waiters.values()].flatMap((set) => [...set])
    this.#waiters.clear()
    for (const waiter of all) {
      waiter.cleanup()
      waiter.reject(error)
    }
  }

  /** How many promises wait, over every key. */
  get size(): number {
    let count = 0
    for (const set of this.#waiters.values()) count += set.size
    return count
  }
}
