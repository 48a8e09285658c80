import { BookDepthConflictError, BookSyncError } from '../errors.js'
import type { HeldBookSubscription } from '../subscriptions/subscriptionDepths.js'
import type { BookChannel } from './bookKeys.js'
import { ManagedBook } from './managedBook.js'

/**
 * A new managed book: on its own subscription, or sharing the one already
 * held on the symbol (`held`) when its depth covers `depth`: Kraken allows
 * one depth per symbol and socket.
 * @throws {BookDepthConflictError} when the held depth is smaller.
 * @throws {BookSyncError} when the held subscription has no snapshots.
 */
export function sharedOrOwnBook(
  held: HeldBookSubscription | undefined,
  channel: BookChannel,
  symbol: string,
  depth: number,
): ManagedBook {
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
  return held === undefined
    ? new ManagedBook(channel, symbol, depth)
    : new ManagedBook(channel, symbol, held.depth, held.params)
}

/**
 * Checks that a managed book may grow to `depth`.
 * @throws {BookDepthConflictError} when the user also holds the book's
 * subscription: its depth is theirs, the runtime does not change it.
 */
export function checkGrowable(
  held: HeldBookSubscription | undefined,
  managed: ManagedBook,
  depth: number,
): void {
  if (held?.owners.includes('user') !== true) return
  throw new BookDepthConflictError({
    symbol: managed.symbol,
    channel: managed.channel,
    liveDepth: managed.depth,
    askedDepth: depth,
    heldBy: 'user',
  })
}
