import { localAck, type SubscriptionAckValue } from './subscriptionAcks.js'

/** `subscribe` or `unsubscribe`. */
export type SubscriptionMethod = 'subscribe' | 'unsubscribe'

type Waiter = (ack: SubscriptionAckValue) => void

/**
 * Callers of `subscribe()` / `unsubscribe()` waiting for the ack of one
 * intent, whichever frame carries it (the caller's own, or a replay). Each
 * wait is bounded: past `timeout` it settles with a local failure ack.
 * Every timer it starts is tracked, so `stop()` leaves none.
 */
export class AckWaiters {
  readonly #timeout: number
  readonly #waiters: Record<SubscriptionMethod, Map<string, Set<Waiter>>> = {
    subscribe: new Map(),
    unsubscribe: new Map(),
  }
  readonly #timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(timeout: number) {
    this.#timeout = timeout
  }

  /** How long (ms) an ack is waited for. */
  get timeoutMs(): number {
    return this.#timeout
  }

  /** Kraken's silence, as the error of a local ack. */
  get timeoutText(): string {
    return `Timed out: no acknowledgement within ${this.#timeout} ms.`
  }

  /** Resolves with the next ack of intent `id` (or a timeout ack). */
  wait(
    method: SubscriptionMethod,
    id: string,
    channel: string,
    symbol: string | undefined,
  ): Promise<SubscriptionAckValue> {
    return new Promise((resolve) => {
      const waiters = this.#waiters[method]
      let set = waiters.get(id)
      if (set === undefined) {
        set = new Set()
        waiters.set(id, set)
      }
      const timer = setTimeout(() => {
        settle(localAck(method, channel, symbol, this.timeoutText))
      }, this.#timeout)
      this.#timers.add(timer)
      const settle: Waiter = (ack) => {
        clearTimeout(timer)
        this.#timers.delete(timer)
        const current = waiters.get(id)
        current?.delete(settle)
        if (current?.size === 0) waiters.delete(id)
        resolve(ack)
      }
      set.add(settle)
    })
  }

  /** Hands `ack` to every caller waiting for intent `id`. */
  notify(method: SubscriptionMethod, id: string, ack: SubscriptionAckValue) {
    const set = this.#waiters[method].get(id)
    if (set === undefined) return
    for (const waiter of [...set]) waiter(ack)
  }

  /** Starts a timer that {@link stop} clears; returns its canceller. */
  timer(callback: () => void, ms: number = this.#timeout): () => void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      callback()
    }, ms)
    this.#timers.add(timer)
    return () => {
      clearTimeout(timer)
      this.#timers.delete(timer)
    }
  }

  /** Settles every waiter with a "stopped" failure and clears every timer. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    for (const method of ['subscribe', 'unsubscribe'] as const) {
      const all = [...this.#waiters[method].values()]
      this.#waiters[method].clear()
      const stopped: SubscriptionAckValue = {
        method,
        success: false,
        error: 'The client stopped.',
      }
      for (const set of all) for (const waiter of set) waiter(stopped)
    }
  }
}
