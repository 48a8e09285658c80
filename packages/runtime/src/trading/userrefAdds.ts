import type { TrackedOrder } from './executionReport.js'
import type { OrderRecord } from './orderRecord.js'
import type { UnknownOutcome } from './orderSnapshot.js'
import type { OrderEvent } from './orderTrackerTypes.js'

/** The tracker state {@link createUserrefAdds} reads and updates. */
export interface UserrefAddsTarget {
  /** Adds whose outcome is unknown, by `cl_ord_id` or userref key. */
  readonly outcomeUnknown: Map<string, UnknownOutcome>
  /** Adds reported `missing` (with their settled handles), by the same keys. */
  readonly declaredMissing: Map<string, unknown>
  /** Open and recently closed orders. */
  records(): Iterable<OrderRecord>
  emit(event: OrderEvent): void
  /** How many matched orders and missing adds are remembered. */
  readonly cacheSize: number
}

/**
 * Adds placed with only `order_userref` whose answer was lost. A userref is
 * a shared tag, not an id: a lost add is matched to an order carrying the
 * tag that the tracker first saw after the add was sent, and each order
 * settles one add at most.
 */
export interface UserrefAdds {
  /**
   * Tracks a lost add under a new key (returned), unless an unmatched order
   * with the tag was first seen at or after `sentAt`: that one is its order.
   */
  mark(userref: number, until: number, sentAt: number | undefined): string
  /** A new order: it resolves the oldest unknown (else missing) add with its tag. */
  note(order: TrackedOrder): void
  /** The add under `key` was reported missing (it may still show up). */
  declared(key: string, userref: number): void
  /** The add under `key` was forgotten (the missing list is bounded). */
  forget(key: string): void
}

/** Creates the userref matching of an order tracker. */
export function createUserrefAdds(target: UserrefAddsTarget): UserrefAdds {
  const { outcomeUnknown, declaredMissing, cacheSize } = target
  /** Missing adds by key, with their tag. */
  const missing = new Map<string, number>()
  /** Orders that settled an add. */
  const matched = new Set<string>()
  let keys = 0

  function match(orderId: string): void {
    matched.add(orderId)
    if (matched.size > cacheSize) {
      const oldest = matched.values().next().value
      if (oldest !== undefined) matched.delete(oldest)
    }
  }

  function firstKey<T>(
    entries: Iterable<[string, T]>,
    hit: (value: T) => boolean,
  ): string | undefined {
    for (const [key, value] of entries) if (hit(value)) return key
    return undefined
  }

  return {
    mark(userref, until, sentAt) {
      keys += 1
      const key = `order_userref:${userref}#${keys}`
      // Its order may have streamed in before the answer was given up on.
      if (sentAt !== undefined) {
        for (const { order, since } of target.records()) {
          if (order.order_userref !== userref || order.cl_ord_id !== undefined)
            continue
          if (since < sentAt || matched.has(order.order_id)) continue
          match(order.order_id)
          return key
        }
      }
      outcomeUnknown.set(key, {
        until,
        absentFromSnapshot: false,
        order_userref: userref,
      })
      return key
    },
    note(order) {
      const userref = order.order_userref
      if (order.cl_ord_id !== undefined || userref === undefined) return
      if (userref === 0 || matched.has(order.order_id)) return
      let key = firstKey(
        outcomeUnknown,
        (unknown) => unknown.order_userref === userref,
      )
      if (key !== undefined) outcomeUnknown.delete(key)
      else {
        key = firstKey(missing, (ref) => ref === userref)
        if (key === undefined) return
        missing.delete(key)
        declaredMissing.delete(key)
      }
      match(order.order_id)
      target.emit({
        type: 'resolved',
        cl_ord_id: '',
        order_userref: userref,
        order,
      })
    },
    declared(key, userref) {
      missing.set(key, userref)
    },
    forget(key) {
      missing.delete(key)
    },
  }
}
