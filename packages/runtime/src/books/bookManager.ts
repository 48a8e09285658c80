import type { L3BookSide } from '@kraken-sockets/book'
import {
  BOOK_DEPTHS,
  type BookSubscriptionOptions,
  BookSubscriptionRequest,
  LEVEL3_DEPTHS,
  type OrdersSubscriptionOptions,
  OrdersSubscriptionRequest,
  type SubscriptionRequest,
} from '@kraken-sockets/schema'
import type { TransportEndpoint } from '@kraken-sockets/transport'
import {
  BookDepthConflictError,
  BookSyncError,
  ClientStoppedError,
} from '../errors.js'
import type { Logger } from '../shared/logger.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import { DepthView, L3DepthView } from './depthView.js'
import type {
  BookEvent,
  BookState,
  BookStats,
  LiveBook,
  LiveL3Book,
} from './liveBook.js'
import { ManagedBook } from './managedBook.js'

/** Options of {@link BookManager}. */
export interface BookManagerConfig {
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
 * The runtime's books: one per channel and symbol, shared by every holder
 * and reference-counted, fed synchronously by the frame router before any
 * handler sees the value, and resynced symbol by symbol when a checksum
 * fails.
 */
export class BookManager {
  #config: BookManagerConfig
  #books = new Map<string, ManagedBook>()
  #timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(config: BookManagerConfig) {
    this.#config = config
  }

  /** Whether any book is managed (the router skips the lookup when none). */
  get size(): number {
    return this.#books.size
  }

  /** A hold on the book of `symbol`, resolved once it is in sync. */
  async open(
    channel: 'book' | 'level3',
    symbol: string,
    viewDepth: number,
    signal: AbortSignal | undefined,
  ): Promise<LiveBook | LiveL3Book> {
    signal?.throwIfAborted()
    const depth = krakenDepth(channel, viewDepth)
    // Validates the symbol before anything changes.
    this.#request(channel, symbol, { depth })
    let managed = this.#books.get(bookKey(channel, symbol))
    if (managed === undefined) {
      managed = this.#create(channel, symbol, depth)
    } else if (managed.depth < depth) {
      this.#checkGrowable(managed, depth)
      void this.#grow(managed, depth)
    } else if (managed.state === 'failed') {
      // A new holder gives a failed book a fresh budget and a resync.
      managed.resyncTimes = []
      managed.attempt = 0
      managed.state = 'out-of-sync'
      void this.#resync(managed, 'A new holder asked for the book.')
    }
    managed.holders++
    const book = managed
    let released = false
    const release = async () => {
      if (released) return
      released = true
      await this.#release(book)
    }
    const view = createView(book, viewDepth, release)
    if (book.state === 'in-sync') return view
    try {
      await this.#ready(book, signal)
    } catch (error) {
      await release()
      throw error
    }
    return view
  }

  /** Applies a decoded book or level3 value to its managed book, if any. */
  apply(
    channel: 'book' | 'level3',
    value: { symbol: string; type: 'snapshot' | 'update' },
  ): void {
    const managed = this.#books.get(bookKey(channel, value.symbol))
    if (managed === undefined) return
    if (managed.state !== 'in-sync') {
      if (value.type !== 'snapshot' || !managed.acceptSnapshot) return
    }
    const result = managed.apply(value)
    if (result.ok) {
      if (value.type === 'snapshot' && managed.state !== 'in-sync') {
        managed.syncedAt = Date.now()
        this.#setState(managed, 'in-sync', undefined)
        managed.settleWaiters()
      }
      return
    }
    void this.#resync(managed, result.message)
  }

  /** A socket dropped: its books are out of sync until the replay's snapshot. */
  socketLost(endpoint: TransportEndpoint): void {
    for (const managed of this.#books.values()) {
      if (endpointOf(managed.channel) !== endpoint) continue
      managed.book.reset()
      managed.acceptSnapshot = true
      if (managed.state === 'subscribing') continue
      this.#setState(managed, 'out-of-sync', 'The socket dropped.')
    }
  }

  /** Counters of every managed book. */
  stats(): BookStats[] {
    return [...this.#books.values()].map((managed) => managed.stats())
  }

  /** Rejects every waiting hold and forgets every book. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    const books = [...this.#books.values()]
    this.#books.clear()
    for (const managed of books) {
      managed.settleWaiters(new ClientStoppedError({ operation: 'the book' }))
    }
  }

  #request(
    channel: 'book' | 'level3',
    symbol: string,
    params: Readonly<Record<string, unknown>>,
  ): SubscriptionRequest {
    // The builders check the depth (and any other param) at run time.
    return channel === 'book'
      ? BookSubscriptionRequest([symbol], params as BookSubscriptionOptions)
      : OrdersSubscriptionRequest([symbol], params as OrdersSubscriptionOptions)
  }

  /**
   * A new managed book: on its own subscription, or sharing the one the
   * user already holds on the symbol when its depth covers `depth` (Kraken
   * allows one depth per symbol and socket).
   * @throws {BookDepthConflictError} when the user's depth is smaller.
   * @throws {BookSyncError} when the user's subscription has no snapshots.
   */
  #create(
    channel: 'book' | 'level3',
    symbol: string,
    depth: number,
  ): ManagedBook {
    const held = this.#config.subscriptions.heldBook(channel, symbol)
    if (held !== undefined && held.depth < depth) {
      throw new BookDepthConflictError({
        symbol,
        channel,
        liveDepth: held.depth,
        askedDepth: depth,
        heldBy: held.owners.includes('user') ? 'user' : 'book',
      })
    }
    if (held?.params.snapshot === false) {
      throw new BookSyncError({
        symbol,
        channel,
        reason: `Your ${channel} subscription of ${symbol} has snapshot: false, and a book needs Kraken's snapshots (after every reconnect too). Unsubscribe it first, or subscribe without snapshot: false.`,
      })
    }
    const managed =
      held === undefined
        ? new ManagedBook(channel, symbol, depth)
        : new ManagedBook(channel, symbol, held.depth, held.params)
    this.#books.set(bookKey(channel, symbol), managed)
    // A live subscription's snapshot has passed: ask Kraken for a new one.
    const refresh = held?.state === 'live'
    if (refresh) {
      managed.acceptSnapshot = false
      this.#config.logger.log(
        'Book shares a live subscription: resubscribing for a snapshot.',
        'info',
        { channel, symbol, depth: held.depth },
      )
    }
    this.#subscribe(managed, refresh)
    return managed
  }

  /**
   * @throws {BookDepthConflictError} when the user also holds the book's
   * subscription: its depth is theirs, the runtime does not change it.
   */
  #checkGrowable(managed: ManagedBook, depth: number): void {
    const { channel, symbol } = managed
    const held = this.#config.subscriptions.heldBook(channel, symbol)
    if (held?.owners.includes('user') !== true) return
    throw new BookDepthConflictError({
      symbol,
      channel,
      liveDepth: managed.depth,
      askedDepth: depth,
      heldBy: 'user',
    })
  }

  #subscribe(managed: ManagedBook, refresh = false): void {
    const { channel, symbol } = managed
    this.#config.subscriptions
      .subscribe(this.#request(channel, symbol, managed.params), 'book')
      .then(
        ([ack]) => {
          if (this.#books.get(bookKey(channel, symbol)) !== managed) return
          if (ack?.success === false) {
            this.#fail(managed, ack.error ?? 'The subscription failed.')
          } else if (refresh && managed.state === 'subscribing') {
            void this.#resubscribe(managed, 'subscribing')
          }
        },
        (error: unknown) => this.#fail(managed, String(error), error),
      )
  }

  async #grow(managed: ManagedBook, depth: number): Promise<void> {
    const previous = this.#request(
      managed.channel,
      managed.symbol,
      managed.params,
    )
    managed.resize(depth)
    managed.acceptSnapshot = false
    this.#setState(managed, 'subscribing', `Depth raised to ${depth}.`)
    await this.#config.subscriptions.unsubscribe(previous, 'book')
    managed.acceptSnapshot = true
    this.#subscribe(managed)
  }

  #fail(managed: ManagedBook, reason: string, cause?: unknown): void {
    const error = new BookSyncError({
      symbol: managed.symbol,
      channel: managed.channel,
      reason,
      cause,
    })
    this.#setState(managed, 'failed', reason)
    managed.settleWaiters(error)
    this.#config.reportError(error)
  }

  #ready(managed: ManagedBook, signal: AbortSignal | undefined) {
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

  async #release(managed: ManagedBook): Promise<void> {
    managed.holders--
    if (managed.holders > 0) return
    const key = bookKey(managed.channel, managed.symbol)
    if (this.#books.get(key) !== managed) return
    this.#books.delete(key)
    await this.#config.subscriptions.unsubscribe(
      this.#request(managed.channel, managed.symbol, managed.params),
      'book',
    )
  }

  async #resync(managed: ManagedBook, reason: string): Promise<void> {
    if (managed.state === 'resyncing' || managed.state === 'failed') return
    const now = Date.now()
    managed.resyncTimes = managed.resyncTimes.filter(
      (time) => now - time < RESYNC_WINDOW,
    )
    if (managed.resyncTimes.length >= this.#config.resyncLimit) {
      this.#fail(
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
    this.#setState(managed, 'resyncing', reason)
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
    if (!this.#isCurrent(managed, 'resyncing')) return
    await this.#resubscribe(managed, 'resyncing')
  }

  /**
   * Unsubscribes and subscribes again at the same depth, outside the
   * registry (whoever holds the subscription keeps it), for a snapshot that
   * is accepted once the unsubscribe is acknowledged.
   */
  async #resubscribe(managed: ManagedBook, state: BookState): Promise<void> {
    const { subscriptions } = this.#config
    const endpoint = endpointOf(managed.channel)
    const params = {
      channel: managed.channel,
      symbol: [managed.symbol],
      depth: managed.depth,
    }
    try {
      await subscriptions.exchange(endpoint, 'unsubscribe', params)
      if (!this.#isCurrent(managed, state)) return
      managed.acceptSnapshot = true
      const [ack] = await subscriptions.exchange(endpoint, 'subscribe', params)
      if (ack?.success === false && this.#isCurrent(managed, state)) {
        this.#fail(managed, ack.error ?? 'The resubscribe failed.')
      }
    } catch {
      // The socket went away mid-resync: the replay after the reconnect
      // subscribes again, and its snapshot is accepted.
      managed.acceptSnapshot = true
    }
  }

  #isCurrent(managed: ManagedBook, state: BookState): boolean {
    return (
      this.#books.get(bookKey(managed.channel, managed.symbol)) === managed &&
      managed.state === state
    )
  }

  #setState(
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

/**
 * The depth to subscribe for a view of `depth` levels: the smallest depth
 * Kraken offers that covers it.
 * @throws {RangeError} when `depth` is not a positive integer or exceeds
 * Kraken's largest depth.
 */
function krakenDepth(channel: 'book' | 'level3', depth: number): number {
  const offered = channel === 'book' ? BOOK_DEPTHS : LEVEL3_DEPTHS
  const covering = offered.find((each) => each >= depth)
  if (!Number.isInteger(depth) || depth < 1 || covering === undefined) {
    throw new RangeError(
      `A ${channel} depth must be an integer from 1 to ${offered.at(-1)}, got ${depth}.`,
    )
  }
  return covering
}

function bookKey(channel: string, symbol: string): string {
  return `${channel}\u0000${symbol}`
}

function endpointOf(channel: 'book' | 'level3'): TransportEndpoint {
  return channel === 'book' ? 'public' : 'level3'
}

function createView(
  managed: ManagedBook,
  depth: number,
  release: () => Promise<void>,
): LiveBook | LiveL3Book {
  const bids =
    managed.channel === 'book'
      ? new DepthView(() => managed.book.bids, depth)
      : new L3DepthView(() => managed.book.bids as L3BookSide, depth)
  const asks =
    managed.channel === 'book'
      ? new DepthView(() => managed.book.asks, depth)
      : new L3DepthView(() => managed.book.asks as L3BookSide, depth)
  return Object.freeze({
    channel: managed.channel,
    symbol: managed.symbol,
    depth,
    bids,
    asks,
    get bestBid() {
      return bids.best
    },
    get bestAsk() {
      return asks.best
    },
    get inSync() {
      return managed.state === 'in-sync' && managed.book.inSync
    },
    get state() {
      return managed.state
    },
    stats: () => managed.stats(),
    release,
  }) as LiveBook | LiveL3Book
}
