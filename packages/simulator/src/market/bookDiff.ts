import type { BookSide, Side } from './bookSide.js'

/** A level change in integer units; `qty` 0 removes the level. */
export type LevelChange = {
  readonly side: Side
  readonly price: number
  readonly qty: number
}

/** The levels one depth's subscribers receive for one message. */
export type DepthUpdate = {
  readonly bids: LevelChange[]
  readonly asks: LevelChange[]
}

type Before = {
  /** Per depth, per side: the worst price the subscribers hold, if full. */
  readonly boundary: Map<
    number,
    { bid: number | undefined; ask: number | undefined }
  >
  /** Per side: quantities of the changed prices before the message. */
  readonly qty: { bid: Map<number, number>; ask: Map<number, number> }
}

/**
 * Applies `changes` to the book and works out, for each subscribed depth,
 * the update Kraken would send: changes within the subscribers' view, the
 * levels that enter the view from below when levels inside it go, and no
 * delete for levels merely pushed out of scope (subscribers truncate).
 *
 * Invariant: a subscriber holding the top `depth` levels, applying the
 * update then truncating to `depth`, holds the new top `depth` levels.
 */
export function applyChanges(
  sides: { readonly bid: BookSide; readonly ask: BookSide },
  changes: readonly LevelChange[],
  depths: readonly number[],
): Map<number, DepthUpdate> {
  const before: Before = {
    boundary: new Map(),
    qty: { bid: new Map(), ask: new Map() },
  }
  for (const depth of depths)
    before.boundary.set(depth, {
      bid: sides.bid.prices[depth - 1],
      ask: sides.ask.prices[depth - 1],
    })
  for (const change of changes) {
    const known = before.qty[change.side]
    if (!known.has(change.price))
      known.set(change.price, sides[change.side].qty.get(change.price) ?? 0)
  }
  for (const change of changes) sides[change.side].set(change.price, change.qty)

  const updates = new Map<number, DepthUpdate>()
  for (const depth of depths) {
    const update: DepthUpdate = { bids: [], asks: [] }
    for (const side of ['bid', 'ask'] as const) {
      const book = sides[side]
      const out = side === 'bid' ? update.bids : update.asks
      const boundary = before.boundary.get(depth)?.[side]
      const wasInView = (price: number): boolean =>
        boundary === undefined || !book.isBetter(boundary, price)
      const held = (price: number): boolean => {
        const qty = before.qty[side].get(price)
        return qty === undefined
          ? wasInView(price)
          : qty > 0 && wasInView(price)
      }
      const inViewNow = (price: number): boolean =>
        book.qty.has(price) && book.rankOf(price) < depth
      const sent = new Set<number>()
      for (const change of changes) {
        if (change.side !== side) continue
        if (held(change.price) || inViewNow(change.price)) {
          out.push(change)
          sent.add(change.price)
        }
      }
      // Levels entering from below sit at the bottom of the new view.
      const last = Math.min(depth, book.size) - 1
      for (let rank = last; rank >= 0 && rank > last - changes.length; rank--) {
        const price = book.prices[rank]
        if (price === undefined || sent.has(price) || held(price)) continue
        out.push({ side, price, qty: book.qty.get(price) ?? 0 })
        sent.add(price)
      }
    }
    updates.set(depth, update)
  }
  return updates
}
