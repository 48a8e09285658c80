/** A price level: what `@kraken-sockets/book` levels and plain objects share. */
export interface LevelLike {
  readonly price: number
  readonly qty: number
}

/**
 * A side of a book, best first: an array of levels or `@kraken-sockets/book`'s
 * read-only view (both have `length` and `at`).
 */
export interface LevelsLike {
  readonly length: number
  at(index: number): LevelLike | undefined
}

/** The structural book these features read; a `@kraken-sockets/book` book fits. */
export interface BookLike {
  readonly bids: LevelsLike
  readonly asks: LevelsLike
  /** `false` while the book waits for a snapshot; features are then withheld. */
  readonly inSync?: boolean | undefined
}

/** Options of {@link bookFeatures}. */
export interface BookFeaturesOptions {
  /** Levels per side the imbalance sums. @default 10 */
  readonly imbalanceLevels?: number | undefined
  /** Distance from the mid (basis points) the depth sums. @default 10 */
  readonly depthBps?: number | undefined
}

/** Features of one book state. */
export interface BookFeatures {
  /** Best ask − best bid. */
  readonly spread: number
  /** (best bid + best ask) / 2. */
  readonly mid: number
  /** Spread relative to the mid, in basis points. */
  readonly spreadBps: number
  /**
   * The mid weighted by the opposite side's size at the top:
   * (bid·askQty + ask·bidQty) / (bidQty + askQty), which leans toward the
   * side more likely to trade next.
   */
  readonly microprice: number
  /**
   * (bid qty − ask qty) / (bid qty + ask qty) over the top
   * `imbalanceLevels` levels of each side: in [−1, 1], positive when bids
   * outweigh asks.
   */
  readonly imbalance: number
  /** Bid quantity priced within `depthBps` of the mid. */
  readonly bidDepth: number
  /** Ask quantity priced within `depthBps` of the mid. */
  readonly askDepth: number
}

/** Why {@link bookFeatures} gave no features. */
export type BookFeaturesUnavailable = 'out_of_sync' | 'empty_side'

/**
 * Spread, mid, microprice, order-book imbalance and depth within N bps of
 * a verified book. Cost: O(imbalanceLevels) for the imbalance plus
 * O(levels within depthBps) for the depth; nothing is copied.
 *
 * Returns `{ ok: false, reason }` for a book that is out of sync (its
 * levels are not Kraken's any more) or has an empty side.
 *
 * @example
 * ```ts
 * import { bookFeatures } from '@kraken-sockets/indicators'
 * const book = await kraken.book('BTC/USD', { depth: 25 })
 * const f = bookFeatures(book, { depthBps: 5 })
 * if (f.ok) console.log(f.features.microprice, f.features.imbalance)
 * ```
 */
export function bookFeatures(
  book: BookLike,
  options: BookFeaturesOptions = {},
):
  | { readonly ok: true; readonly features: BookFeatures }
  | { readonly ok: false; readonly reason: BookFeaturesUnavailable } {
  if (book.inSync === false) return { ok: false, reason: 'out_of_sync' }
  const bid = book.bids.at(0)
  const ask = book.asks.at(0)
  if (bid === undefined || ask === undefined)
    return { ok: false, reason: 'empty_side' }
  const mid = (bid.price + ask.price) / 2
  const spread = ask.price - bid.price
  const topQty = bid.qty + ask.qty
  const levels = options.imbalanceLevels ?? 10
  const bidQty = sumQty(book.bids, levels)
  const askQty = sumQty(book.asks, levels)
  const band = (mid * (options.depthBps ?? 10)) / 10_000
  return {
    ok: true,
    features: {
      spread,
      mid,
      spreadBps: (spread / mid) * 10_000,
      microprice:
        topQty > 0 ? (bid.price * ask.qty + ask.price * bid.qty) / topQty : mid,
      imbalance:
        bidQty + askQty > 0 ? (bidQty - askQty) / (bidQty + askQty) : 0,
      bidDepth: qtyWhile(book.bids, (p) => p >= mid - band),
      askDepth: qtyWhile(book.asks, (p) => p <= mid + band),
    },
  }
}

function sumQty(side: LevelsLike, levels: number): number {
  let total = 0
  const n = Math.min(levels, side.length)
  for (let i = 0; i < n; i++) total += side.at(i)?.qty ?? 0
  return total
}

/** Sums from the best level while `inside(price)` holds (sides are sorted). */
function qtyWhile(
  side: LevelsLike,
  inside: (price: number) => boolean,
): number {
  let total = 0
  for (let i = 0; i < side.length; i++) {
    const level = side.at(i)
    if (level === undefined || !inside(level.price)) break
    total += level.qty
  }
  return total
}
