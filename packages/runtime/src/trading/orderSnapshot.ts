import { type ExecutionReport, type Fill, fillOf } from './executionReport.js'
import type { OrderHandleControl, OrderOutcome } from './orderHandle.js'
import type { OrderRecord } from './orderRecord.js'
import type { OrderEvent } from './orderTrackerTypes.js'

/** The tracker state and steps an `executions` snapshot works on. */
export interface SnapshotTarget {
  /** Whether snapshots list every open order (`snap_orders: true`). */
  readonly snapshotIncludesOrders: boolean
  readonly open: ReadonlyMap<string, OrderRecord>
  /** Adds whose outcome is unknown, by `cl_ord_id` (or a userref key). */
  readonly outcomeUnknown: Map<string, UnknownOutcome>
  /** Ids sent but not yet acknowledged. */
  readonly expected: ReadonlySet<string>
  /** Handles waiting per id. */
  readonly handles: Map<string, Set<OrderHandleControl>>
  findRecord(id: string): OrderRecord | undefined
  applyReport(report: ExecutionReport): void
  addFill(record: OrderRecord, fill: Fill): void
  closeRecord(record: OrderRecord, outcome: OrderOutcome): void
  emit(event: OrderEvent): void
  /** Reports an add of unknown outcome `missing` (for now: it may still appear). */
  declareMissing(clOrdId: string): void
  now(): number
}

/** An add whose answer was lost: when it may be called missing, and why. */
export interface UnknownOutcome {
  /**
   * Local time (ms) before which it may still be in flight at the exchange
   * (its request's deadline plus a grace period): not `missing` before then.
   */
  readonly until: number
  /** A snapshot taken since the answer was lost did not list it. */
  absentFromSnapshot: boolean
  /** The add's `order_userref`, when it was placed with no `cl_ord_id`. */
  readonly order_userref?: number
}

/**
 * Applies an `executions` snapshot (after every (re)subscription): open
 * orders it lacks close (`filled` when its trades show the fill, else
 * `closed_unknown`), its orders are applied, then adds of unknown outcome
 * whose grace has passed, and handles on ids that neither exist nor are
 * awaited, become `missing`.
 */
export function reconcileSnapshot(
  target: SnapshotTarget,
  data: readonly ExecutionReport[],
): void {
  const { open, addFill, closeRecord } = target
  const orderItems = data.filter((report) => report.exec_type !== 'trade')
  const tradeItems = data.filter((report) => report.exec_type === 'trade')
  const listed = new Set(
    orderItems.flatMap((report) =>
      report.order_id === undefined ? [] : [report.order_id],
    ),
  )
  if (target.snapshotIncludesOrders) {
    for (const record of [...open.values()]) {
      const id = record.order.order_id
      if (listed.has(id)) continue
      const trades = tradeItems.filter((trade) => trade.order_id === id)
      for (const trade of trades) {
        const fill = fillOf(trade, id)
        if (fill !== undefined) addFill(record, fill)
      }
      if (trades.some((trade) => trade.order_status === 'filled')) {
        closeRecord(record, { status: 'filled', order: record.order })
      } else {
        closeRecord(record, {
          status: 'closed_unknown',
          order: record.order,
          reason:
            'absent from the executions snapshot after a resubscription; look up its final state',
        })
      }
    }
  }
  for (const report of orderItems) target.applyReport(report)
  for (const trade of tradeItems) {
    const record =
      trade.order_id === undefined ? undefined : open.get(trade.order_id)
    const fill =
      record === undefined ? undefined : fillOf(trade, record.order.order_id)
    if (record !== undefined && fill !== undefined) addFill(record, fill)
  }
  if (!target.snapshotIncludesOrders) return
  const now = target.now()
  for (const [clOrdId, unknown] of [...target.outcomeUnknown]) {
    if (target.findRecord(clOrdId) !== undefined) continue
    // Still possibly in flight at the exchange: a later snapshot, an update
    // or the expiry check decides.
    unknown.absentFromSnapshot = true
    if (now >= unknown.until) target.declareMissing(clOrdId)
  }
  for (const [id, controls] of [...target.handles]) {
    if (
      target.findRecord(id) !== undefined ||
      target.expected.has(id) ||
      target.outcomeUnknown.has(id)
    )
      continue
    target.handles.delete(id)
    for (const control of controls) {
      control.settle({
        status: 'missing',
        order: undefined,
        reason: 'not among the orders of the executions snapshot',
      })
    }
  }
}
