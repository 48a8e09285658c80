import {
  type ExecutionReport,
  type Fill,
  fillOf,
  mergeReport,
  type TrackedOrder,
  terminalStatusOf,
} from './executionReport.js'
import {
  createOrderHandle,
  type OrderHandleControl,
  type OrderOutcome,
} from './orderHandle.js'
import type { OrderRecord } from './orderRecord.js'
import {
  reconcileSnapshot,
  type SnapshotTarget,
  type UnknownOutcome,
} from './orderSnapshot.js'
import type {
  OrderEvent,
  OrderTracker,
  OrderTrackerConfig,
} from './orderTrackerTypes.js'
import { createUserrefAdds } from './userrefAdds.js'

/**
 * Creates an order tracker fed by the `executions` channel.
 *
 * Snapshot rule (after every (re)subscription): open orders absent from the
 * snapshot close as `closed_unknown` (or `filled` when the snapshot's trades
 * show the fill), orders new to the tracker are added, adds whose outcome was
 * unknown and are still unseen are reported `missing`, and so are handles on
 * ids that neither exist nor are awaited.
 *
 * @example
 * ```ts
 * const tracker = createOrderTracker({ onListenerError: (error) => report(error) })
 * kraken.trigger(ExecutionsUpdateResponse, (m) => tracker.apply(m))
 * const { status } = await tracker.track('OK4GJX-KSTLS-7DZZO5').done
 * ```
 */
export function createOrderTracker(config: OrderTrackerConfig): OrderTracker {
  const closedCacheSize = config.closedCacheSize ?? 1000
  const snapshotIncludesOrders = config.snapshotIncludesOrders ?? true
  const onListenerError = config.onListenerError
  const now = config.now ?? Date.now
  const open = new Map<string, OrderRecord>()
  const closed = new Map<string, OrderRecord>()
  const orderIdByClOrdId = new Map<string, string>()
  const ackedBeforeSeen = new Map<string, string>()
  const expected = new Set<string>()
  const outcomeUnknown = new Map<string, UnknownOutcome>()
  /** Adds reported `missing`, with their settled handles: they may still show up. */
  const declaredMissing = new Map<string, OrderHandleControl[]>()
  /** Set by the first executions snapshot: from then on, unknown ids are known to be unknown. */
  let snapshotApplied = false
  const handles = new Map<string, Set<OrderHandleControl>>()
  const listeners = new Set<(event: OrderEvent) => void>()
  const openView = new Map<string, TrackedOrder>()

  function emit(event: OrderEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (error) {
        onListenerError(error)
      }
    }
  }

  function handlesOf(order: TrackedOrder): OrderHandleControl[] {
    const out = [...(handles.get(order.order_id) ?? [])]
    if (order.cl_ord_id !== undefined)
      out.push(...(handles.get(order.cl_ord_id) ?? []))
    return out
  }

  function dropHandles(id: string | undefined): void {
    if (id !== undefined) handles.delete(id)
  }

  /** Whether `event` is about the order known as `id` (order_id or cl_ord_id). */
  function concerns(event: OrderEvent, id: string): boolean {
    if (event.type === 'resolved' || event.type === 'missing') {
      if (event.cl_ord_id === id) return true
    }
    const order = 'order' in event ? event.order : undefined
    if (order === undefined) return false
    return (
      order.order_id === id ||
      order.cl_ord_id === id ||
      orderIdByClOrdId.get(id) === order.order_id
    )
  }

  /** Why `id` can name no order now, or undefined while it may. */
  function unknownReason(
    id: string,
    record: OrderRecord | undefined,
    known: boolean,
  ): string | undefined {
    if (typeof id !== 'string' || id === '')
      return 'An empty id names no order: pass an order_id or cl_ord_id.'
    if (known || !snapshotApplied || !snapshotIncludesOrders) return undefined
    if (record !== undefined) return undefined
    if (expected.has(id) || outcomeUnknown.has(id)) return undefined
    if (orderIdByClOrdId.has(id) || ackedBeforeSeen.has(id)) return undefined
    for (const clOrdId of ackedBeforeSeen.values())
      if (clOrdId === id) return undefined
    return `No order ${id} is open, recently closed or awaited.`
  }

  function findRecord(id: string): OrderRecord | undefined {
    const orderId = orderIdByClOrdId.get(id) ?? id
    return open.get(orderId) ?? closed.get(orderId)
  }

  function setOrder(record: OrderRecord, order: TrackedOrder): void {
    record.order = order
    if (order.cl_ord_id !== undefined)
      orderIdByClOrdId.set(order.cl_ord_id, order.order_id)
    if (open.has(order.order_id)) openView.set(order.order_id, order)
    for (const control of handlesOf(order)) control.update(order)
  }

  function addFill(record: OrderRecord, fill: Fill): void {
    if (fill.exec_id !== undefined) {
      if (record.execIds.has(fill.exec_id)) return
      record.execIds.add(fill.exec_id)
    }
    record.fills.push(fill)
    for (const control of handlesOf(record.order)) control.addFill(fill)
    emit({ type: 'fill', order: record.order, fill })
  }

  function closeRecord(record: OrderRecord, outcome: OrderOutcome): void {
    const id = record.order.order_id
    record.outcome = outcome
    open.delete(id)
    openView.delete(id)
    closed.set(id, record)
    if (closed.size > closedCacheSize) {
      const [oldestId, oldest] = closed.entries().next().value ?? []
      if (oldestId !== undefined) closed.delete(oldestId)
      const clOrdId = oldest?.order.cl_ord_id
      if (clOrdId !== undefined) orderIdByClOrdId.delete(clOrdId)
    }
    for (const control of handlesOf(record.order)) control.settle(outcome)
    dropHandles(id)
    dropHandles(record.order.cl_ord_id)
    emit({ type: 'closed', order: record.order, outcome })
  }

  function noteClOrdId(order: TrackedOrder): void {
    const clOrdId = order.cl_ord_id
    if (clOrdId === undefined) return
    expected.delete(clOrdId)
    if (outcomeUnknown.delete(clOrdId)) {
      emit({ type: 'resolved', cl_ord_id: clOrdId, order })
      return
    }
    const settled = declaredMissing.get(clOrdId)
    if (settled === undefined) return
    // Reported missing, yet Kraken had it: correct the record.
    declaredMissing.delete(clOrdId)
    for (const control of settled) control.found(order)
    emit({ type: 'resolved', cl_ord_id: clOrdId, order })
  }

  function declareMissing(clOrdId: string): void {
    const userref = outcomeUnknown.get(clOrdId)?.order_userref
    outcomeUnknown.delete(clOrdId)
    const controls = [...(handles.get(clOrdId) ?? [])]
    handles.delete(clOrdId)
    declaredMissing.set(clOrdId, controls)
    if (userref !== undefined) userrefAdds.declared(clOrdId, userref)
    // Bounded: an add that never shows up is forgotten eventually.
    if (declaredMissing.size > closedCacheSize) {
      const oldest = declaredMissing.keys().next().value
      if (oldest !== undefined) declaredMissing.delete(oldest)
      if (oldest !== undefined) userrefAdds.forget(oldest)
    }
    for (const control of controls) {
      control.settle({
        status: 'missing',
        order: undefined,
        reason:
          'its answer was lost and it was not among the orders of the executions snapshot after its deadline and grace period',
      })
    }
    emit(
      userref === undefined
        ? { type: 'missing', cl_ord_id: clOrdId }
        : { type: 'missing', cl_ord_id: '', order_userref: userref },
    )
  }

  function applyReport(report: ExecutionReport): void {
    const orderId = report.order_id
    if (orderId === undefined) {
      emit({ type: 'unmatched', report })
      return
    }
    let record = open.get(orderId) ?? closed.get(orderId)
    const isNew = record === undefined
    // An ack may have named the cl_ord_id before the first event, which lacks it.
    const acked = ackedBeforeSeen.get(orderId)
    ackedBeforeSeen.delete(orderId)
    const base =
      record === undefined && acked !== undefined
        ? mergeReport(undefined, { cl_ord_id: acked }, orderId)
        : record?.order
    const order = mergeReport(base, report, orderId)
    if (record === undefined) {
      record = { order, fills: [], execIds: new Set(), since: now() }
      if (terminalStatusOf(report) === undefined) {
        open.set(orderId, record)
        openView.set(orderId, order)
      }
    }
    if (report.exec_type === 'amended') record.since = now()
    setOrder(record, order)
    emit(
      isNew
        ? { type: 'opened', order, report }
        : { type: 'updated', order, report },
    )
    noteClOrdId(order)
    if (isNew) userrefAdds.note(order)
    const fill = fillOf(report, orderId)
    if (fill !== undefined) addFill(record, fill)
    const terminal = terminalStatusOf(report)
    if (terminal !== undefined && record.outcome === undefined) {
      closeRecord(record, {
        status: terminal,
        order: record.order,
        reason: record.order.reason,
      })
    }
  }

  const userrefAdds = createUserrefAdds({
    outcomeUnknown,
    declaredMissing,
    records: () => [...open.values(), ...closed.values()],
    emit,
    cacheSize: closedCacheSize,
  })

  const snapshotTarget: SnapshotTarget = {
    snapshotIncludesOrders,
    open,
    outcomeUnknown,
    expected,
    handles,
    findRecord,
    applyReport,
    addFill,
    closeRecord,
    emit,
    declareMissing,
    now,
  }

  return {
    openOrders: openView,
    apply(message) {
      if (message.type === 'snapshot') {
        snapshotApplied = true
        reconcileSnapshot(snapshotTarget, message.executions)
      } else for (const report of message.executions) applyReport(report)
    },
    get: (id) => findRecord(id)?.order,
    track(target, options = {}) {
      const id =
        typeof target === 'string'
          ? target
          : 'order_id' in target
            ? target.order_id
            : target.cl_ord_id
      const record = findRecord(id)
      const control = createOrderHandle(
        id,
        record === undefined ? undefined : record,
      )
      if (record?.outcome !== undefined) {
        control.settle(record.outcome)
        return control.handle
      }
      const unknown = unknownReason(id, record, options.known === true)
      if (unknown !== undefined) {
        control.settle({ status: 'missing', order: undefined, reason: unknown })
        return control.handle
      }
      let set = handles.get(id)
      if (set === undefined) {
        set = new Set()
        handles.set(id, set)
      }
      set.add(control)
      return control.handle
    },
    on(listener, id) {
      const filtered =
        id === undefined
          ? listener
          : (event: OrderEvent) => {
              if (concerns(event, id)) listener(event)
            }
      listeners.add(filtered)
      return () => listeners.delete(filtered)
    },
    ageOf(id) {
      const record = findRecord(id)
      return record === undefined ? undefined : now() - record.since
    },
    expect: (clOrdId) => {
      if (findRecord(clOrdId) === undefined) expected.add(clOrdId)
    },
    acknowledge({ order_id, cl_ord_id }) {
      if (cl_ord_id === undefined) return
      expected.delete(cl_ord_id)
      outcomeUnknown.delete(cl_ord_id)
      orderIdByClOrdId.set(cl_ord_id, order_id)
      const record = open.get(order_id) ?? closed.get(order_id)
      if (record === undefined) {
        ackedBeforeSeen.set(order_id, cl_ord_id)
        // Bounded: acks whose order never shows up (no executions feed) age out.
        if (ackedBeforeSeen.size > closedCacheSize) {
          const oldest = ackedBeforeSeen.keys().next().value
          if (oldest !== undefined) ackedBeforeSeen.delete(oldest)
        }
        return
      }
      if (record.order.cl_ord_id !== undefined) return
      // The `new` event may have come first, without cl_ord_id: link it now.
      const order = mergeReport(record.order, { cl_ord_id }, order_id)
      setOrder(record, order)
      for (const control of handles.get(cl_ord_id) ?? []) {
        for (const fill of record.fills) control.addFill(fill)
        if (record.outcome !== undefined)
          control.settle({ ...record.outcome, order })
      }
      if (record.outcome !== undefined) handles.delete(cl_ord_id)
    },
    reject(clOrdId, reason) {
      expected.delete(clOrdId)
      outcomeUnknown.delete(clOrdId)
      for (const control of handles.get(clOrdId) ?? [])
        control.settle({ status: 'rejected', order: undefined, reason })
      handles.delete(clOrdId)
    },
    markOutcomeUnknown(clOrdId, until = now()) {
      expected.delete(clOrdId)
      if (findRecord(clOrdId) === undefined)
        outcomeUnknown.set(clOrdId, { until, absentFromSnapshot: false })
    },
    markUserrefUnknown: (orderUserref, until = now(), sentAt) =>
      userrefAdds.mark(orderUserref, until, sentAt),
    unresolved: () => [...outcomeUnknown.keys()],
    expireUnknown() {
      const time = now()
      for (const [clOrdId, unknown] of [...outcomeUnknown]) {
        if (unknown.absentFromSnapshot && time >= unknown.until)
          declareMissing(clOrdId)
      }
    },
    confirmMissing(clOrdId) {
      if (outcomeUnknown.has(clOrdId)) declareMissing(clOrdId)
    },
    close() {
      for (const controls of handles.values()) {
        for (const control of controls)
          control.settle({ status: 'untracked', order: control.handle.order })
      }
      handles.clear()
    },
  }
}
