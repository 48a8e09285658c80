import type { KrakenPrivateRest } from '@kraken-sockets/transport'
import type { ExecutionReport } from './executionReport.js'
import type { OrderTracker } from './orderTrackerTypes.js'

/** Kraken's REST order statuses mapped to the executions channel's. */
const STATUS: Readonly<
  Record<string, NonNullable<ExecutionReport['order_status']>>
> = {
  pending: 'pending_new',
  open: 'new',
  closed: 'filled',
  canceled: 'canceled',
  expired: 'expired',
}

/**
 * How much earlier than the local send time (ms) Kraken's `opentm` of a
 * userref match may be: it absorbs clock skew, while older orders that
 * merely share the (non-unique) tag stay out.
 */
const USERREF_CLOCK_SLACK = 60_000

/** An add whose answer was lost, as REST is asked about it. */
export type LostAdd =
  | {
      /** Its key in the tracker: its `cl_ord_id`. */
      readonly key: string
      readonly cl_ord_id: string
    }
  | {
      /** Its key in the tracker (from `markUserrefUnknown`). */
      readonly key: string
      readonly order_userref: number
      /** Local time (ms) it was sent: older orders with the tag do not match. */
      readonly sentAt: number
    }

/**
 * Asks REST (`OpenOrders`, then `ClosedOrders`, by `cl_ord_id` or
 * `userref`) about the adds among `lost` still unresolved in `tracker`: one
 * Kraken holds is applied as an executions report (resolving it), one it
 * holds nowhere is reported `missing`. When REST cannot answer, the
 * tracker's own rule (a snapshot since did not list it) decides.
 */
export async function settleByRest(
  rest: KrakenPrivateRest,
  tracker: OrderTracker,
  lost: readonly LostAdd[],
  signal: AbortSignal,
): Promise<void> {
  for (const add of lost) {
    if (!tracker.unresolved().includes(add.key)) continue
    let report: ExecutionReport | undefined
    try {
      report =
        (await find(rest, 'OpenOrders', 'open', add, tracker, signal)) ??
        (await find(rest, 'ClosedOrders', 'closed', add, tracker, signal))
    } catch {
      if (signal.aborted) return
      tracker.expireUnknown()
      continue
    }
    if (signal.aborted || !tracker.unresolved().includes(add.key)) continue
    if (report === undefined) tracker.confirmMissing(add.key)
    else tracker.apply({ type: 'update', executions: [report] })
  }
}

async function find(
  rest: KrakenPrivateRest,
  method: string,
  field: 'open' | 'closed',
  add: LostAdd,
  tracker: OrderTracker,
  signal: AbortSignal,
): Promise<ExecutionReport | undefined> {
  const filter =
    'cl_ord_id' in add
      ? { cl_ord_id: add.cl_ord_id }
      : { userref: String(add.order_userref) }
  const result = (await rest(method, filter, { signal })) as
    | Record<string, unknown>
    | undefined
  const orders = result?.[field]
  if (typeof orders !== 'object' || orders === null) return undefined
  for (const [txid, value] of Object.entries(orders)) {
    const order = value as {
      cl_ord_id?: unknown
      userref?: unknown
      opentm?: unknown
      status?: unknown
    }
    const status = STATUS[String(order.status)] ?? 'new'
    if ('cl_ord_id' in add) {
      if (order.cl_ord_id !== add.cl_ord_id) continue
      return { order_id: txid, cl_ord_id: add.cl_ord_id, order_status: status }
    }
    // A userref is a shared tag: only an order the tracker does not know,
    // opened since the add was sent, can be the lost one.
    if (order.userref !== add.order_userref || order.cl_ord_id !== undefined)
      continue
    if (tracker.get(txid) !== undefined) continue
    const opened = typeof order.opentm === 'number' ? order.opentm * 1000 : 0
    if (opened < add.sentAt - USERREF_CLOCK_SLACK) continue
    return {
      order_id: txid,
      order_userref: add.order_userref,
      order_status: status,
    }
  }
  return undefined
}
