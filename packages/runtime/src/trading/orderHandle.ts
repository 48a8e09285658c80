import { OrderNotFilledError } from './errors.js'
import type { Fill, TrackedOrder } from './executionReport.js'

/**
 * How a tracked order ended:
 * - `filled`, `canceled`, `expired`: as the executions channel said;
 * - `rejected`: Kraken refused the add request (`success: false`);
 * - `closed_unknown`: it was open, then absent from the executions snapshot
 *   after a reconnect; it ended while disconnected and its final state needs a
 *   lookup (REST `QueryOrders`);
 * - `missing`: it never appeared (an add whose outcome was unknown, or an id
 *   nobody placed) by the time a snapshot was applied;
 * - `untracked`: the tracker was closed first.
 */
export type OrderOutcomeStatus =
  | 'filled'
  | 'canceled'
  | 'expired'
  | 'rejected'
  | 'closed_unknown'
  | 'missing'
  | 'untracked'

/** The final state of a tracked order. */
export type OrderOutcome = {
  readonly status: OrderOutcomeStatus
  /** The order's last known state; absent when it was never seen. */
  readonly order: TrackedOrder | undefined
  /** Kraken's error or reason, or why the state is unknown. */
  readonly reason?: string | undefined
}

/**
 * A handle on one order, from `tracker.track(id)`.
 *
 * @example
 * ```ts
 * const handle = tracker.track(clOrdId)
 * for await (const fill of handle.fills()) console.log(fill.last_qty, fill.last_price)
 * const { status } = await handle.done
 * ```
 */
export type OrderHandle = {
  /** The id the handle was made for (an `order_id` or a `cl_ord_id`). */
  readonly id: string
  /** The order's current state, once it has been seen. */
  readonly order: TrackedOrder | undefined
  /** Resolves with the outcome when the order ends, however it ends. Never rejects. */
  readonly done: Promise<OrderOutcome>
  /**
   * Resolves with the outcome when the order is completely filled; rejects
   * with {@link OrderNotFilledError} (carrying the outcome) when it ends any
   * other way. Unobserved, that rejection is not reported as unhandled.
   */
  readonly filled: Promise<OrderOutcome>
  /** The order's fills: those seen so far, then each new one; ends when the order ends. */
  fills(): AsyncIterableIterator<Fill>
}

/** The tracker's side of a handle. */
export type OrderHandleControl = {
  readonly handle: OrderHandle
  readonly isSettled: () => boolean
  update(order: TrackedOrder): void
  /**
   * The order of a handle settled `missing` showed up after all: `order`
   * now reads it (the settled outcome stays, the `resolved` event says so).
   */
  found(order: TrackedOrder): void
  addFill(fill: Fill): void
  settle(outcome: OrderOutcome): void
}

/** Creates a handle and the controls the tracker drives it with. */
export function createOrderHandle(
  id: string,
  initial?: { order: TrackedOrder; fills: readonly Fill[] },
): OrderHandleControl {
  let order = initial?.order
  const fills: Fill[] = [...(initial?.fills ?? [])]
  let outcome: OrderOutcome | undefined
  const wakers = new Set<() => void>()
  let resolveDone: (outcome: OrderOutcome) => void = () => {}
  let resolveFilled: (outcome: OrderOutcome) => void = () => {}
  let rejectFilled: (error: OrderNotFilledError) => void = () => {}
  const done = new Promise<OrderOutcome>((resolve) => {
    resolveDone = resolve
  })
  const filled = new Promise<OrderOutcome>((resolve, reject) => {
    resolveFilled = resolve
    rejectFilled = reject
  })
  // Callers who only care about `done` must not see an unhandled rejection.
  filled.catch(() => {})

  function wake(): void {
    for (const waker of [...wakers]) waker()
  }

  async function* iterate(): AsyncGenerator<Fill, void, undefined> {
    let index = 0
    while (true) {
      const next = fills[index]
      if (next !== undefined) {
        index += 1
        yield next
        continue
      }
      if (outcome !== undefined) return
      await new Promise<void>((resolve) => {
        const waker = () => {
          wakers.delete(waker)
          resolve()
        }
        wakers.add(waker)
      })
    }
  }

  const handle: OrderHandle = {
    id,
    get order() {
      return order
    },
    done,
    filled,
    fills: () => iterate(),
  }

  return {
    handle,
    isSettled: () => outcome !== undefined,
    update(next) {
      if (outcome === undefined) order = next
    },
    found(next) {
      if (outcome?.status === 'missing') order = next
    },
    addFill(fill) {
      if (outcome !== undefined) return
      fills.push(fill)
      wake()
    },
    settle(final) {
      if (outcome !== undefined) return
      outcome = final
      if (final.order !== undefined) order = final.order
      resolveDone(final)
      if (final.status === 'filled') resolveFilled(final)
      else
        rejectFilled(
          new OrderNotFilledError({
            id: order?.order_id ?? id,
            status: final.status,
            order,
            reason: final.reason,
          }),
        )
      wake()
    },
  }
}
