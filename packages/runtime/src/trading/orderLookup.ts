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
 * Asks REST (`OpenOrders`, then `ClosedOrders`, by `cl_ord_id`) about the
 * adds among `clOrdIds` still unresolved in `tracker`: one Kraken holds is
 * applied as an executions report (resolving it), one it holds nowhere is
 * reported `missing`. When REST cannot answer, the tracker's own rule
 * (a snapshot since did not list it) decides.
 */
export async function settleByRest(
  rest: KrakenPrivateRest,
  tracker: OrderTracker,
  clOrdIds: readonly string[],
  signal: AbortSignal,
): Promise<void> {
  for (const clOrdId of clOrdIds) {
    if (!tracker.unresolved().includes(clOrdId)) continue
    let report: ExecutionReport | undefined
    try {
      report =
        (await find(rest, 'OpenOrders', 'open', clOrdId, signal)) ??
        (await find(rest, 'ClosedOrders', 'closed', clOrdId, signal))
    } catch {
      if (signal.aborted) return
      tracker.expireUnknown()
      continue
    }
    if (signal.aborted || !tracker.unresolved().includes(clOrdId)) continue
    if (report === undefined) tracker.confirmMissing(clOrdId)
    else tracker.apply({ type: 'update', executions: [report] })
  }
}

async function find(
  rest: KrakenPrivateRest,
  method: string,
  field: 'open' | 'closed',
  clOrdId: string,
  signal: AbortSignal,
): Promise<ExecutionReport | undefined> {
  const result = (await rest(method, { cl_ord_id: clOrdId }, { signal })) as
    | Record<string, unknown>
    | undefined
  const orders = result?.[field]
  if (typeof orders !== 'object' || orders === null) return undefined
  for (const [txid, value] of Object.entries(orders)) {
    const order = value as { cl_ord_id?: unknown; status?: unknown }
    if (order.cl_ord_id !== clOrdId) continue
    const status = STATUS[String(order.status)] ?? 'new'
    return { order_id: txid, cl_ord_id: clOrdId, order_status: status }
  }
  return undefined
}
