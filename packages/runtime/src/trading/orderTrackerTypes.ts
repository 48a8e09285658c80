import type { ExecutionReport, Fill, TrackedOrder } from './executionReport.js'
import type { OrderHandle, OrderOutcome } from './orderHandle.js'

/**
 * A message of the `executions` channel as the schema decodes it (the
 * value of `ExecutionsSnapshotResponse` / `ExecutionsUpdateResponse`).
 */
export type ExecutionsMessage = {
  type: 'snapshot' | 'update'
  executions: readonly ExecutionReport[]
}

/** What happened to an order, as `tracker.on()` reports it. */
export type OrderEvent =
  | { type: 'opened'; order: TrackedOrder; report: ExecutionReport | undefined }
  | { type: 'updated'; order: TrackedOrder; report: ExecutionReport }
  | { type: 'fill'; order: TrackedOrder; fill: Fill }
  | { type: 'closed'; order: TrackedOrder | undefined; outcome: OrderOutcome }
  /**
   * An add whose outcome was unknown (or already reported `missing`) showed
   * up on the executions channel (or in a REST look-up): it was placed.
   */
  | {
      type: 'resolved'
      /** The add's `cl_ord_id`; `''` for an add placed with only `order_userref`. */
      cl_ord_id: string
      /**
       * Set only for an add placed with `order_userref` and no `cl_ord_id`:
       * the new order carrying that (non-unique) tag settled it.
       */
      order_userref?: number
      order: TrackedOrder
    }
  /**
   * An add whose outcome was unknown was still absent after its deadline and
   * grace period (from a snapshot taken since, and from REST when it could
   * be asked). Not final: if it shows up later, `resolved` follows.
   */
  | {
      type: 'missing'
      /** The add's `cl_ord_id`; `''` for an add placed with only `order_userref`. */
      cl_ord_id: string
      /** Set only for an add placed with `order_userref` and no `cl_ord_id`. */
      order_userref?: number
    }
  /** A report without `order_id`, which cannot be attributed. */
  | { type: 'unmatched'; report: ExecutionReport }

/** Options of {@link createOrderTracker}. */
export type OrderTrackerConfig = {
  /**
   * How many closed orders are remembered (for `get()`, late events and
   * handles made after the end).
   * @default 1000
   */
  closedCacheSize?: number
  /**
   * Whether snapshots list the open orders (`snap_orders`). When `false`,
   * absence from a snapshot says nothing and no order is closed by it.
   * @default true
   */
  snapshotIncludesOrders?: boolean
  /**
   * Receives what an event listener throws (the runtime wraps it in a
   * `ListenerError` and emits it); the other listeners still run.
   */
  onListenerError: (error: unknown) => void
  /**
   * The local clock (ms since the epoch), for order ages.
   * @default Date.now
   */
  now?: () => number
}

/** The order tracker. */
export type OrderTracker = {
  /** Open orders by `order_id`, read-only and live. */
  readonly openOrders: ReadonlyMap<string, TrackedOrder>
  /** Applies one executions message: merges updates, reconciles snapshots. */
  apply(message: ExecutionsMessage): void
  /** An open or recently closed order, by `order_id` or `cl_ord_id`. */
  get(id: string): TrackedOrder | undefined
  /**
   * A handle that settles when the order (by `order_id` or `cl_ord_id`) ends.
   * An empty id settles `missing` at once; so does an id the tracker has
   * never heard of once an executions snapshot was applied, unless
   * `options.known` says the caller just placed it.
   */
  track(
    id: string | { order_id: string } | { cl_ord_id: string },
    options?: { known?: boolean },
  ): OrderHandle
  /**
   * Listens to order events (of one order when `id`, an `order_id` or a
   * `cl_ord_id`, is given); returns the function that stops listening.
   */
  on(listener: (event: OrderEvent) => void, id?: string): () => void
  /**
   * Milliseconds since the order was first seen or last amended (local
   * clock), the age Kraken's rate counter prices amends and cancels by;
   * undefined for an unknown order.
   */
  ageOf(id: string): number | undefined
  /** An add (or batch_add order) carrying `cl_ord_id` was sent; its order is awaited. */
  expect(clOrdId: string): void
  /** Kraken acknowledged an add: links the `cl_ord_id` to the `order_id`. */
  acknowledge(result: {
    order_id: string
    cl_ord_id?: string | undefined
  }): void
  /** Kraken rejected an add: handles on its `cl_ord_id` settle `rejected`. */
  reject(clOrdId: string, reason: string): void
  /**
   * An add was sent but its answer was lost (disconnect or timeout). Resolved
   * when its `cl_ord_id` shows up on the executions channel; reported
   * `missing` once a snapshot taken since does not list it and `until`
   * (local ms; default now) has passed, checked at each snapshot and by
   * {@link expireUnknown}.
   */
  markOutcomeUnknown(clOrdId: string, until?: number): void
  /**
   * Like {@link markOutcomeUnknown}, for an add placed with `order_userref`
   * and no `cl_ord_id`: the first order new to the tracker that carries the
   * tag resolves it. With `sentAt` (local ms the add was sent), an order
   * with the tag first seen since then, and not already matched to another
   * add, is taken as its order at once (nothing left unknown). Returns the
   * key it is tracked by (in `unresolved()`, `confirmMissing()`), which
   * names no order.
   */
  markUserrefUnknown(
    orderUserref: number,
    until?: number,
    sentAt?: number,
  ): string
  /**
   * The keys of adds whose outcome is still unknown: their `cl_ord_id`, or
   * the key {@link markUserrefUnknown} returned.
   */
  unresolved(): string[]
  /**
   * Reports `missing` the adds of unknown outcome whose `until` has passed
   * and that a snapshot since did not list.
   */
  expireUnknown(): void
  /**
   * Another source (REST) says the exchange does not hold it: `missing` now.
   * Takes a key of `unresolved()`.
   */
  confirmMissing(clOrdId: string): void
  /** Settles every pending handle as `untracked`. */
  close(): void
}
