import { type ExecutionReport, type Fill, fillOf } from './executionReport.js'
import type { OrderHandleControl, OrderOutcome } from './orderHandle.js'
import type { OrderRecord } from './orderRecord.js'
import type { OrderEvent } from './orderTrackerTypes.js'

/** The tracker state and steps an `executions` snapshot works on. */
export interface SnapshotTarget {
  /** Whether snapshots list every open order (`snap_orders: true`). */
  readonly snapshotIncludesOrders: boolean
  readonly open: ReadonlyMap<string, OrderRecord>
  /** Adds whose outcome is unknown, by `cl_ord_id`. */
  readonly outcomeUnknown: Set<string>
  /** Ids sent but not yet acknowledged. */
  readonly expected: ReadonlySet<string>
  /** Handles waiting per id. */
  readonly handles: Map<string, Set<OrderHandleControl>>
  findRecord(id: string): OrderRecord | undefined
  applyReport(report: ExecutionReport): void
  addFill(record: OrderRecord, fill: Fill): void
  closeRecord(record: OrderRecord, outcome: OrderOutcome): void
  emit(event: OrderEvent): void
}

/**
 * Applies an `executions` snapshot (after every (re)subscription): open
 * orders it lacks close (`filled` when its trades show the fill, else
 * `closed_unknown`), its orders are applied, then adds of unknown outcome
 * and handles on ids that neither exist nor are awaited become `missing`.
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
  for (const clOrdId of [...target.outcomeUnknown]) {
    if (target.findRecord(clOrdId) !== undefined) continue
    target.outcomeUnknown.delete(clOrdId)
    target.emit({ type: 'missing', cl_ord_id: clOrdId })
  }
  for (const [id, controls] of [...target.handles]) {
    if (target.findRecord(id) !== undefined || target.expected.has(id)) continue
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
