import { BookSyncError } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import { isTransientRefusal } from '../subscriptions/refusals.js'
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
  /**
   * Time (ms) a new book waits for its first snapshot; also how long a book
   * may stay out of sync (after a (re)subscription) before it resyncs.
   */
  readonly timeout: number
  readonly emit: (event: BookEvent) => void
  readonly reportError: (error: BookSyncError) => void
}

/** The window (ms) of the resync budget. */
export const RESYNC_WINDOW = 600_000
/** Resync backoff: first retry at once, then 0.5 s doubling to 30 s. */
const BACKOFF_BASE = 500
const BACKOFF_MAX = 30_000
/**
 * In sync this long (ms) and the backoff starts over. The backoff guards a
 * resync loop (a snapshot that fails again at once); a book that then
 * verified updates for 10 s was fixed by its last resync, so a later
 * failure is a new incident and is resynced at once. (It was 60 s: under
 * faults a minute apart, delays grew to 30 s for books that resynced fine.)
 */
const BACKOFF_RESET = 10_000
/**
 * The sync state machine of managed books: `subscribing` → `in-sync`, a
 * failed checksum → `resyncing` (with a backoff and a budget per window) →
 * `in-sync` again, or `failed`. Every state change is emitted as a book event.
 */
export class BookSync {
  #config: BookSyncConfig
  #isRegistered: (managed: ManagedBook) => boolean
  #timers = new Set<ReturnType<typeof setTimeout>>()
  /** Per book: the watchdog that resyncs a book not in sync in time. */
  #watchdogs = new Map<ManagedBook, ReturnType<typeof setTimeout>>()
  /** Per book: the number of its latest resubscribe, so stale steps stand down. */
  #cycles = new WeakMap<ManagedBook, number>()

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
    for (const timer of this.#watchdogs.values()) clearTimeout(timer)
    this.#watchdogs.clear()
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

  /**
   * A checksum failed (or the book stayed out of sync too long): resync
   * after the backoff, within the budget, else fail. A resync already under
   * way is restarted only when `again` (its watchdog fired) or when the
   * snapshot it waited for failed too.
   */
  async resync(
    managed: ManagedBook,
    reason: string,
    again = false,
  ): Promise<void> {
    if (managed.state === 'failed') return
    if (managed.state === 'resyncing' && !again && !managed.acceptSnapshot) {
      return
    }
    this.#disarm(managed)
    // Whatever step of an earlier resync is still in flight stands down.
    this.#cycles.set(managed, (this.#cycles.get(managed) ?? 0) + 1)
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
   * Starts (or restarts) the watchdog of a book not in sync: unless it is in
   * sync within the timeout, it resyncs (under the backoff and the budget);
   * while its socket is down it waits for the reconnect's replay instead.
   */
  #arm(managed: ManagedBook): void {
    this.#disarm(managed)
    const timer = setTimeout(() => {
      this.#watchdogs.delete(managed)
      if (!this.#isRegistered(managed)) return
      if (managed.state === 'in-sync' || managed.state === 'failed') return
      if (!this.#config.subscriptions.isOpen(endpointOf(managed.channel))) {
        this.#arm(managed)
        return
      }
      void this.resync(
        managed,
        `Not in sync ${this.#config.timeout} ms after its subscription.`,
        true,
      )
    }, this.#config.timeout)
    this.#watchdogs.set(managed, timer)
  }

  /** Watches a new book: not in sync within the timeout, it resyncs. */
  watch(managed: ManagedBook): void {
    this.#arm(managed)
  }

  #disarm(managed: ManagedBook): void {
    const timer = this.#watchdogs.get(managed)
    if (timer === undefined) return
    clearTimeout(timer)
    this.#watchdogs.delete(managed)
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
    const cycle = (this.#cycles.get(managed) ?? 0) + 1
    this.#cycles.set(managed, cycle)
    const current = () =>
      this.isCurrent(managed, state) && this.#cycles.get(managed) === cycle
    // Whatever goes wrong below short of a definitive refusal, the watchdog
    // resyncs again (or the reconnect's replay brings the snapshot).
    this.#arm(managed)
    try {
      await subscriptions.exchange(endpoint, 'unsubscribe', params)
      if (!current()) return
      managed.acceptSnapshot = true
      const [ack] = await subscriptions.exchange(endpoint, 'subscribe', params)
      if (ack?.success === false && current()) {
        if (isTransientRefusal(ack.error)) {
          this.#config.logger.log(
            'Book resubscribe refused for now.',
            'warning',
            {
              channel: managed.channel,
              symbol: managed.symbol,
              error: ack.error,
            },
          )
          return
        }
        this.fail(managed, ack.error ?? 'The resubscribe failed.')
      }
    } catch (error) {
      if (!current()) return
      if (!subscriptions.isOpen(endpoint)) {
        // The socket went away mid-resync: the replay after the reconnect
        // subscribes again, and its snapshot is accepted.
        managed.acceptSnapshot = true
        return
      }
      this.#config.logger.log('Book resync step failed: retrying.', 'warning', {
        channel: managed.channel,
        symbol: managed.symbol,
        reason: error instanceof Error ? error.message : String(error),
      })
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
    if (state === 'in-sync' || state === 'failed') this.#disarm(managed)
    else if (state !== 'resyncing') this.#arm(managed)
    this.#config.emit({
      channel: managed.channel,
      symbol: managed.symbol,
      state,
      reason,
      stats: managed.stats(),
    })
  }
}
