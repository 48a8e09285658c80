import type {
  BookSide,
  L3BookSide,
  L3PriceLevel,
  PriceLevel,
} from '@kraken-sockets/book'

/**
 * Where a runtime-managed book stands:
 * - `subscribing`: waiting for its first snapshot;
 * - `in-sync`: every applied value verified against Kraken's checksum;
 * - `resyncing`: a checksum failed; the runtime unsubscribes, waits for the
 *   ack and subscribes again for a snapshot (values in between are ignored);
 * - `out-of-sync`: its socket dropped; the replay after the reconnect
 *   brings a snapshot;
 * - `failed`: the subscription was refused or the resync budget is spent.
 */
export type BookState =
  | 'subscribing'
  | 'in-sync'
  | 'resyncing'
  | 'out-of-sync'
  | 'failed'

/** Counters of one managed book. */
export interface BookStats {
  /** `book` (L2) or `level3`. */
  readonly channel: 'book' | 'level3'
  readonly symbol: string
  /** Depth subscribed at Kraken (the largest any holder asked for). */
  readonly depth: number
  readonly state: BookState
  /** Snapshots and updates applied with a matching checksum. */
  readonly verified: number
  /** Checksum mismatches (and other rejected values) seen. */
  readonly mismatches: number
  /** Resyncs started. */
  readonly resyncs: number
  /** Holders of the book (`kraken.book()` calls not yet released). */
  readonly holders: number
}

/** What the runtime's `book` event carries: a managed book changed state. */
export interface BookEvent {
  readonly channel: 'book' | 'level3'
  readonly symbol: string
  readonly state: BookState
  /** Why, for `resyncing`, `out-of-sync` and `failed`. */
  readonly reason: string | undefined
  readonly stats: BookStats
}

/**
 * A live, checksum-verified book that `kraken.book()` returns: read-only
 * views limited to the depth asked for, best first, each level
 * `{ price, qty, price_text, qty_text }`. Shared with every other holder of
 * the same symbol; call `release()` when done (the last release unsubscribes).
 */
export interface LiveBook<
  TLevel extends PriceLevel = PriceLevel,
  TSide extends BookSide<TLevel> = BookSide<TLevel>,
> {
  readonly channel: 'book' | 'level3'
  readonly symbol: string
  /** The depth this view shows. */
  readonly depth: number
  /** Bids, highest first. */
  readonly bids: TSide
  /** Asks, lowest first. */
  readonly asks: TSide
  readonly bestBid: TLevel | undefined
  readonly bestAsk: TLevel | undefined
  /** Whether the book matches Kraken's latest checksum. */
  readonly inSync: boolean
  readonly state: BookState
  /** The shared book's counters. */
  stats(): BookStats
  /** Releases this hold; the book is unsubscribed when no holder is left. */
  release(): Promise<void>
}

/** A level3 (order by order) {@link LiveBook}: levels carry their order count. */
export type LiveL3Book = LiveBook<L3PriceLevel, L3BookSide>

/** Options of `kraken.book(symbol, options)`. */
export interface BookOptions {
  /**
   * Levels per side, any from 1 to 1000: Kraken is asked for the smallest
   * depth it offers that covers it (10, 25, 100, 500, 1000; level3: 10, 100,
   * 1000), and the book is shown truncated. Kraken allows one depth per
   * symbol and socket: a smaller depth shares a larger live book, or your
   * own book subscription when its depth covers it; a larger depth than
   * your own subscription rejects with `BookDepthConflictError`.
   * @default 10
   */
  depth?: number | undefined
  /** Aborting it gives the hold up (and rejects while still waiting). */
  signal?: AbortSignal | undefined
}

/** Options of `kraken.book(symbol, { level3: true })`. */
export interface L3BookOptions extends BookOptions {
  /** Subscribes the authenticated `level3` channel (order by order). */
  level3: true
}
