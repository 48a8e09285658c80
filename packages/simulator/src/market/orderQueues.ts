import type { LevelChange } from './bookDiff.js'
import type { BookSide, Side } from './bookSide.js'
import type { Prng } from './prng.js'

/** An order resting in the book (level3), quantity in integer units. */
export type RestingOrder = {
  readonly id: string
  qty: number
  /** When it was added or last modified (ms). */
  time: number
}

/** A level3 event on one order; `qty` is the order's quantity after it (before, for a delete). */
export type OrderEvent = {
  readonly event: 'add' | 'modify' | 'delete'
  readonly id: string
  readonly qty: number
  readonly time: number
}

/** The key of a level: side and price. */
export const levelKey = (side: Side, price: number): string =>
  `${side}:${price}`

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/**
 * The orders behind every L2 level (level3). L2 changes become order events:
 * a new level adds an order, a larger quantity adds one at the back of the
 * queue, a smaller one reduces or removes orders from the back, a removed
 * level deletes its orders.
 */
export class OrderQueues {
  readonly levels = {
    bid: new Map<number, RestingOrder[]>(),
    ask: new Map<number, RestingOrder[]>(),
  }
  readonly #prng: Prng

  constructor(
    book: { readonly bid: BookSide; readonly ask: BookSide },
    prng: Prng,
    time: number,
  ) {
    this.#prng = prng
    for (const side of [book.bid, book.ask])
      for (const price of side.prices) {
        const total = side.qty.get(price) ?? 0
        const count = Math.min(total, prng.int(1, 3))
        const orders: RestingOrder[] = []
        let left = total
        for (let i = 0; i < count; i++) {
          const qty =
            i === count - 1 ? left : Math.max(1, Math.floor(left / (count - i)))
          left -= qty
          orders.push({
            id: this.#orderId(),
            qty,
            time: time - prng.int(0, 60_000),
          })
        }
        this.levels[side.side].set(price, orders)
      }
  }

  /** Applies L2 changes (in order) and returns each changed level's order events. */
  apply(
    changes: readonly LevelChange[],
    time: number,
  ): Map<string, OrderEvent[]> {
    const out = new Map<string, OrderEvent[]>()
    for (const change of changes) {
      const levels = this.levels[change.side]
      const orders = levels.get(change.price) ?? []
      const key = levelKey(change.side, change.price)
      const events = out.get(key) ?? []
      out.set(key, events)
      let delta = change.qty - orders.reduce((sum, order) => sum + order.qty, 0)
      if (delta > 0) {
        const order = { id: this.#orderId(), qty: delta, time }
        orders.push(order)
        events.push({ event: 'add', id: order.id, qty: order.qty, time })
      }
      while (delta < 0) {
        const last = orders[orders.length - 1]
        if (last === undefined) break
        if (last.qty <= -delta) {
          orders.pop()
          delta += last.qty
          events.push({ event: 'delete', id: last.id, qty: last.qty, time })
        } else {
          last.qty += delta
          last.time = time
          delta = 0
          events.push({ event: 'modify', id: last.id, qty: last.qty, time })
        }
      }
      if (orders.length === 0) levels.delete(change.price)
      else levels.set(change.price, orders)
    }
    return out
  }

  #orderId(): string {
    const part = (length: number) => {
      let text = ''
      for (let i = 0; i < length; i++)
        text += ID_CHARS[this.#prng.int(0, ID_CHARS.length - 1)]
      return text
    }
    return `O${part(5)}-${part(5)}-${part(6)}`
  }
}
