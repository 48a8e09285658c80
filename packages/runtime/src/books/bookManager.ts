import type { TransportEndpoint } from '@kraken-sockets/transport'
import { ClientStoppedError } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import { isTransientRefusal } from '../subscriptions/refusals.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import {
  type BookChannel,
  bookKey,
  bookRequest,
  endpointOf,
  krakenDepth,
} from './bookKeys.js'
import { BookSync, type BookSyncConfig } from './bookSync.js'
import { createView } from './bookView.js'
import { checkGrowable, sharedOrOwnBook } from './depthSharing.js'
import type { BookStats, LiveBook, LiveL3Book } from './liveBook.js'
import type { ManagedBook } from './managedBook.js'

/** Options of {@link BookManager}. */
export interface BookManagerConfig extends BookSyncConfig {
  readonly subscriptions: SubscriptionManager
  readonly logger: Logger
}

/**
 * The runtime's books: one per channel and symbol, shared by every holder
 * and reference-counted, fed synchronously by the frame router before any
 * handler sees the value, and resynced symbol by symbol when a checksum
 * fails.
 */
export class BookManager {
  #config: BookManagerConfig
  #books = new Map<string, ManagedBook>()
  #sync: BookSync

  constructor(config: BookManagerConfig) {
    this.#config = config
    this.#sync = new BookSync(
      config,
      (managed) =>
        this.#books.get(bookKey(managed.channel, managed.symbol)) === managed,
    )
  }

  /** Whether any book is managed (the router skips the lookup when none). */
  get size(): number {
    return this.#books.size
  }

  /**
   * Whether the managed book of `channel` and `symbol` is being (re)synced:
   * its sync machine (watchdog, backoff, budget) owns its subscription now.
   */
  isSyncing(channel: string, symbol: string | undefined): boolean {
    if (symbol === undefined) return false
    const state = this.#books.get(bookKey(channel, symbol))?.state
    return state === 'subscribing' || state === 'resyncing'
  }

  /** A hold on the book of `symbol`, resolved once it is in sync. */
  async open(
    channel: BookChannel,
    symbol: string,
    viewDepth: number,
    signal: AbortSignal | undefined,
  ): Promise<LiveBook | LiveL3Book> {
    signal?.throwIfAborted()
    const depth = krakenDepth(channel, viewDepth)
    // Validates the symbol before anything changes.
    bookRequest(channel, symbol, { depth })
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
      void this.#sync.resync(managed, 'A new holder asked for the book.')
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
      await this.#sync.ready(book, signal)
    } catch (error) {
      await release()
      throw error
    }
    return view
  }

  /** Applies a decoded book or level3 value to its managed book, if any. */
  apply(
    channel: BookChannel,
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
        this.#sync.setState(managed, 'in-sync', undefined)
        managed.settleWaiters()
      }
      return
    }
    void this.#sync.resync(managed, result.message)
  }

  /** A socket dropped: its books are out of sync until the replay's snapshot. */
  socketLost(endpoint: TransportEndpoint): void {
    for (const managed of this.#books.values()) {
      if (endpointOf(managed.channel) !== endpoint) continue
      managed.book.reset()
      managed.acceptSnapshot = true
      if (managed.state === 'subscribing') continue
      this.#sync.setState(managed, 'out-of-sync', 'The socket dropped.')
    }
  }

  /** Counters of every managed book. */
  stats(): BookStats[] {
    return [...this.#books.values()].map((managed) => managed.stats())
  }

  /** Rejects every waiting hold and forgets every book. */
  stop(): void {
    this.#sync.stop()
    const books = [...this.#books.values()]
    this.#books.clear()
    for (const managed of books) {
      managed.settleWaiters(new ClientStoppedError({ operation: 'the book' }))
    }
  }

  /**
   * A new managed book: on its own subscription, or sharing the one the
   * user already holds on the symbol when its depth covers `depth` (Kraken
   * allows one depth per symbol and socket).
   * @throws {BookDepthConflictError} when the user's depth is smaller.
   * @throws {BookSyncError} when the user's subscription has no snapshots.
   */
  #create(channel: BookChannel, symbol: string, depth: number): ManagedBook {
    const held = this.#config.subscriptions.heldBook(channel, symbol)
    const managed = sharedOrOwnBook(held, channel, symbol, depth)
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
    this.#sync.watch(managed)
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
    checkGrowable(held, managed, depth)
  }

  #subscribe(managed: ManagedBook, refresh = false): void {
    const { channel, symbol } = managed
    this.#config.subscriptions
      .subscribe(bookRequest(channel, symbol, managed.params), 'book')
      .then(
        ([ack]) => {
          if (this.#books.get(bookKey(channel, symbol)) !== managed) return
          if (ack?.success === false) {
            // A transient refusal (rate limit, lost ack) is retried by the
            // subscriptions room; the book's watchdog covers the snapshot.
            if (isTransientRefusal(ack.error)) return
            this.#sync.fail(managed, ack.error ?? 'The subscription failed.')
          } else if (refresh && managed.state === 'subscribing') {
            void this.#sync.resubscribe(managed, 'subscribing')
          }
        },
        (error: unknown) => this.#sync.fail(managed, String(error), error),
      )
  }

  async #grow(managed: ManagedBook, depth: number): Promise<void> {
    const previous = bookRequest(
      managed.channel,
      managed.symbol,
      managed.params,
    )
    managed.resize(depth)
    managed.acceptSnapshot = false
    this.#sync.setState(managed, 'subscribing', `Depth raised to ${depth}.`)
    await this.#config.subscriptions.unsubscribe(previous, 'book')
    managed.acceptSnapshot = true
    this.#subscribe(managed)
  }

  async #release(managed: ManagedBook): Promise<void> {
    managed.holders--
    if (managed.holders > 0) return
    const key = bookKey(managed.channel, managed.symbol)
    if (this.#books.get(key) !== managed) return
    this.#books.delete(key)
    await this.#config.subscriptions.unsubscribe(
      bookRequest(managed.channel, managed.symbol, managed.params),
      'book',
    )
  }
}
