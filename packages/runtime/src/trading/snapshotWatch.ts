/** Options of {@link SnapshotWatch}. */
export interface SnapshotWatchConfig {
  /** Ms to wait for a snapshot before (re)asking for one. */
  readonly every: number
  /**
   * Asks for a fresh snapshot (unsubscribe, then subscribe). Resolves when
   * that attempt is over, whatever its outcome; `false` when the channel is
   * not subscribed at all (nothing to wait for).
   */
  readonly resubscribe: () => Promise<boolean>
}

/**
 * Makes sure a snapshot follows whenever the state may have diverged: the
 * socket (re)opened (the replay's snapshot may be lost with its ack), a
 * request's answer was lost (its `executions` frames may be lost too). Until
 * a snapshot arrives, the channel is resubscribed every `every` ms, so a
 * lost snapshot, a lost ack or a resubscription that timed out is retried
 * rather than left for good.
 */
export class SnapshotWatch {
  readonly #config: SnapshotWatchConfig
  #wanted = false
  #busy = false
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(config: SnapshotWatchConfig) {
    this.#config = config
  }

  /** Whether a snapshot is awaited. */
  get wanted(): boolean {
    return this.#wanted
  }

  /** A snapshot is needed: unless one arrives within `every` ms, ask for one. */
  want(): void {
    this.#wanted = true
    this.#arm()
  }

  /** A snapshot arrived. */
  got(): void {
    this.#wanted = false
    this.#clear()
  }

  /** The client stopped. */
  stop(): void {
    this.#wanted = false
    this.#clear()
  }

  #arm(): void {
    if (this.#timer !== undefined || this.#busy) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      void this.#tick()
    }, this.#config.every)
  }

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }

  async #tick(): Promise<void> {
    if (!this.#wanted) return
    this.#busy = true
    let subscribed = true
    try {
      subscribed = await this.#config.resubscribe()
    } catch {
      // A failed attempt is retried at the next tick.
    } finally {
      this.#busy = false
    }
    if (!subscribed) this.#wanted = false
    if (this.#wanted) this.#arm()
  }
}
