import type { L3BookSide } from '@kraken-sockets/book'
import { DepthView, L3DepthView } from './depthView.js'
import type { LiveBook, LiveL3Book } from './liveBook.js'
import type { ManagedBook } from './managedBook.js'

/**
 * A holder's read-only view of a managed book, `depth` levels deep; `release`
 * ends the hold. Views of one book share it: each only limits what it shows.
 */
export function createView(
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
