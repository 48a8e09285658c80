import { BookSyncError } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import { endpointOf } from './bookKeys.js'
import type { BookEvent, BookState } from './liveBook.js'
import type { ManagedBook } from './managedBook.js'

/** Options of {@link BookSync} (and of the book manager around it). */
export interface BookSyncConfig {
  readonly subscriptions: SubscriptionManager
  readonly logger: Logger
  /** Resyncs allowed per book within {@link RESYNC_WINDOW}. */
  readonly resyncLimit: number
  /** Time (ms) a new book waits for its first snapshot. */
  readonly timeout: number
  readonly emit: (event: BookEvent) => void
  readonly reportError: (error: BookSyncError) => void
}

/** The window (ms) of the resync budget. */
export const RESYNC_WINDOW = 600_000
/** Resync backoff: first retry at once, then 0.5 s doubling to 30 s. */
const BACKOFF_BASE = 500
const BACKOFF_MAX = 30_000
/** In sync this long (ms) and the backoff starts over. */
const BACKOFF_RESET = 60_000
/**
 * The sync state machine of managed books: `subscribing` → `in-sync`, a
 * failed checksum → `resyncing` (with a backoff and a budget per window) →
 * `in-sync` again, or `failed`. Every state change is emitted as a book event.
 */
export class BookSync {
  #config: BookSyncConfig
  #isRegistered: (managed: ManagedBook) => boolean
  #timers = new Set<ReturnType<typeof setTimeout>>()

  /** `isRegistered` tells whether a book is still the manager's (not released or replaced). */
  constructor(
    config: BookSyncConfig,
    isRegistered: (managed: ManagedBook) => boolean,
  ) {
    this.#config = config
    this.#isRegistered = isRegistered
  }

  /** Cancels every pending wait and backoff. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }

  /** Marks the book `failed`, rejects its waiters and reports a `BookSyncError`. */
  fail(managed: ManagedBook, reason: string, cause?: unknown): void {
    const error = new BookSyncError({
      symbol: managed.symbol,
      channel: managed.channel,
      reason,
      cause,
    })
    this.setState(managed, 'failed', reason)
    managed.settleWaiters(error)
    this.#config.reportError(error)
  }

  /** Resolves when the book is in sync; rejects on timeout, abort or failure. */
  ready(managed: ManagedBook, signal: AbortSignal | undefined) {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        settle(
          new BookSyncError({
            symbol: managed.symbol,
            channel: managed.channel,
            reason: `No snapshot within ${this.#config.timeout} ms.`,
          }),
        )
      }, this.#config.timeout)
      this.#timers.add(timer)
      const onAbort = () => settle(signal?.reason)
      const settle = (error?: unknown) => {
        clearTimeout(timer)
        this.#timers.delete(timer)
        signal?.removeEventListener('abort', onAbort)
        const index = managed.waiters.indexOf(waiter)
        if (index !== -1) managed.waiters.splice(index, 1)
        if (error === undefined) resolve()
        else reject(error)
      }
      const waiter = { resolve: () => settle(), reject: settle }
      managed.waiters.push(waiter)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** A checksum failed: resync after the backoff, within the budget, else fail. */
  async resync(managed: ManagedBook, reason: string): Promise<void> {
    if (managed.state === 'resyncing' || managed.state === 'failed') return
    const now = Date.now()
    managed.resyncTimes = managed.resyncTimes.filter(
      (time) => now - time < RESYNC_WINDOW,
    )
    if (managed.resyncTimes.length >= this.#config.resyncLimit) {
      this.fail(
        managed,
        `${reason} The resync budget (${this.#config.resyncLimit} per ${RESYNC_WINDOW / 60_000} min) is spent.`,
      )
      return
    }
    managed.resyncTimes.push(now)
    if (now - managed.syncedAt > BACKOFF_RESET) managed.attempt = 0
    const delay =
      managed.attempt === 0
        ? 0
        : Math.min(BACKOFF_MAX, BACKOFF_BASE * 2 ** (managed.attempt - 1))
    managed.attempt++
    managed.resyncs++
    managed.book.reset()
    managed.acceptSnapshot = false
    this.setState(managed, 'resyncing', reason)
    this.#config.logger.log('Book checksum failed: resyncing.', 'warning', {
      channel: managed.channel,
      symbol: managed.symbol,
      reason,
      delay,
    })
    if (delay > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.#timers.delete(timer)
          resolve()
        }, delay)
        this.#timers.add(timer)
      })
    }
    if (!this.isCurrent(managed, 'resyncing')) return
    await this.resubscribe(managed, 'resyncing')
  }

  /**
   * Unsubscribes and subscribes again at the same depth, outside the
   * registry (whoever holds the subscription keeps it), for a snapshot that
   * is accepted once the unsubscribe is acknowledged.
   */
  async resubscribe(managed: ManagedBook, state: BookState): Promise<void> {
    const { subscriptions } = this.#config
    const endpoint = endpointOf(managed.channel)
    const params = {
      channel: managed.channel,
      symbol: [managed.symbol],
      depth: managed.depth,
    }
    try {
      await subscriptions.exchange(endpoint, 'unsubscribe', params)
      if (!this.isCurrent(managed, state)) return
      managed.acceptSnapshot = true
      const [ack] = await subscriptions.exchange(endpoint, 'subscribe', params)
      if (ack?.success === false && this.isCurrent(managed, state)) {
        this.fail(managed, ack.error ?? 'The resubscribe failed.')
      }
    } catch {
      // The socket went away mid-resync: the replay after the reconnect
      // subscribes again, and its snapshot is accepted.
      managed.acceptSnapshot = true
    }
  }

  /** Whether `managed` is still the registered book and still in `state`. */
  isCurrent(managed: ManagedBook, state: BookState): boolean {
    return this.#isRegistered(managed) && managed.state === state
  }

  /** Sets the book's state and emits the book event (a repeated state only for `resyncing`). */
  setState(
    managed: ManagedBook,
    state: BookState,
    reason: string | undefined,
  ): void {
    if (managed.state === state && state !== 'resyncing') return
    managed.state = state
    this.#config.emit({
      channel: managed.channel,
      symbol: managed.symbol,
      state,
      reason,
      stats: managed.stats(),
    })
  }
}
