import {
  type Book,
  type BookApplyResult,
  type BookValueInput,
  createBook,
  createL3Book,
  type L3Book,
  type L3ValueInput,
} from '@kraken-sockets/book'
import type { BookState, BookStats } from './liveBook.js'

/** A hold on a managed book, waiting for (or past) its first snapshot. */
export interface BookWaiter {
  resolve(): void
  reject(error: unknown): void
}

/**
 * One symbol's runtime-managed book and its bookkeeping: state, counters,
 * holders, resync backoff. The manager drives it; it does no I/O.
 */
export class ManagedBook {
  readonly channel: 'book' | 'level3'
  readonly symbol: string
  depth: number
  /**
   * The identity params of the subscription it holds, e.g. `{ depth: 25 }`:
   * the user's own when it shares their subscription.
   */
  params: Readonly<Record<string, unknown>>
  book: Book | L3Book
  state: BookState = 'subscribing'
  /** Whether a snapshot may be applied now (after a resubscribe was sent). */
  acceptSnapshot = true
  holders = 0
  verified = 0
  mismatches = 0
  resyncs = 0
  /** Start times of recent resyncs (ms), for the budget. */
  resyncTimes: number[] = []
  /** Consecutive resyncs since the book last stayed in sync a while. */
  attempt = 0
  syncedAt = 0
  waiters: BookWaiter[] = []

  constructor(
    channel: 'book' | 'level3',
    symbol: string,
    depth: number,
    params: Readonly<Record<string, unknown>> = { depth },
  ) {
    this.channel = channel
    this.symbol = symbol
    this.depth = depth
    this.params = params
    this.book = this.#create(depth)
  }

  /** Replaces the book by an empty one of `depth` (a larger depth was asked). */
  resize(depth: number): void {
    this.depth = depth
    this.params = { depth }
    this.book = this.#create(depth)
  }

  /** Applies a decoded value, counting the outcome. */
  apply(value: unknown): BookApplyResult {
    const result =
      this.channel === 'book'
        ? (this.book as Book).apply(value as BookValueInput)
        : (this.book as L3Book).apply(value as L3ValueInput)
    if (result.ok) this.verified++
    else this.mismatches++
    return result
  }

  /** Settles every waiter: resolved when in sync, else rejected with `error`. */
  settleWaiters(error?: unknown): void {
    const waiters = this.waiters
    this.waiters = []
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve()
      else waiter.reject(error)
    }
  }

  stats(): BookStats {
    return {
      channel: this.channel,
      symbol: this.symbol,
      depth: this.depth,
      state: this.state,
      verified: this.verified,
      mismatches: this.mismatches,
      resyncs: this.resyncs,
      holders: this.holders,
    }
  }

  #create(depth: number): Book | L3Book {
    return this.channel === 'book'
      ? createBook({ symbol: this.symbol, depth })
      : createL3Book({ symbol: this.symbol, depth })
  }
}
