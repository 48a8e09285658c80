import type { Execution } from '@kraken-sockets/schema'

/**
 * One report of the `executions` channel as the order tracker reads it:
 * schema's {@link Execution}, each field optional and allowed `undefined`
 * (Kraken sends sparse updates whose fields depend on `exec_type`, and REST
 * order lookups fill only some). Derived from schema, never restated.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export type ExecutionReport = {
  [K in keyof Execution]?: Execution[K] | undefined
}

/**
 * The shape {@link ExecutionReport} had before it was derived from schema:
 * the same fields, with `side`, `exec_type` and `order_status` as plain
 * strings.
 *
 * @deprecated Use {@link ExecutionReport} (schema's `Execution`, with
 * literal unions). Kept for one minor version for code that builds reports
 * from plain strings; removed in the next minor version.
 */
export type LooseExecutionReport = {
  order_id?: string | undefined
  cl_ord_id?: string | undefined
  order_userref?: number | undefined
  symbol?: string | undefined
  side?: string | undefined
  order_type?: string | undefined
  order_qty?: number | undefined
  limit_price?: number | undefined
  time_in_force?: string | undefined
  exec_type?: string | undefined
  order_status?: string | undefined
  exec_id?: string | undefined
  trade_id?: number | undefined
  last_qty?: number | undefined
  last_price?: number | undefined
  cost?: number | undefined
  liquidity_ind?: string | undefined
  fees?: readonly { asset: string; qty: number }[] | undefined
  cum_qty?: number | undefined
  cum_cost?: number | undefined
  avg_price?: number | undefined
  amended?: boolean | undefined
  reason?: string | undefined
  timestamp?: string | undefined
}
/**
 * The shape {@link TrackedOrder} had before it was derived from schema
 * (`side` and `order_status` as plain strings).
 *
 * @deprecated Use {@link TrackedOrder}. Kept for one minor version; removed
 * in the next minor version.
 */
export type LooseTrackedOrder = Readonly<
  Omit<LooseExecutionReport, FillOnlyField | 'exec_type'>
> & {
  readonly order_id: string
}

/**
 * An order as the tracker knows it: every order field Kraken has sent so far,
 * merged by `order_id` (later values win), without the per-event fields
 * (`exec_type`, `exec_id`, `last_qty`, `last_price`, `cost`, `fees`, ...),
 * which belong to {@link Fill}s.
 */
export type TrackedOrder = Readonly<
  Omit<ExecutionReport, FillOnlyField | 'exec_type'>
> & {
  readonly order_id: string
}

/** One execution of an order (a `trade` event). */
export type Fill = {
  readonly order_id: string
  readonly exec_id: string | undefined
  readonly trade_id: number | undefined
  readonly last_qty: number | undefined
  readonly last_price: number | undefined
  readonly cost: number | undefined
  readonly liquidity_ind: string | undefined
  readonly fees: readonly { asset: string; qty: number }[] | undefined
  readonly timestamp: string | undefined
}

const FILL_ONLY_FIELDS = [
  'exec_id',
  'trade_id',
  'last_qty',
  'last_price',
  'cost',
  'liquidity_ind',
  'fees',
  'margin_borrow',
  'ext_exec_id',
] as const
/** Fields that belong to one fill of an order, never to the order itself. */
export type FillOnlyField =
  | 'exec_id'
  | 'trade_id'
  | 'last_qty'
  | 'last_price'
  | 'cost'
  | 'liquidity_ind'
  | 'fees'

/** Fields that describe one event, not the order; never merged into it. */
const EVENT_FIELDS = new Set<string>([...FILL_ONLY_FIELDS, 'exec_type'])

/**
 * The order after `report`: `previous` with every order field of the report
 * that is present (not `undefined`) written over it.
 */
export function mergeReport(
  previous: TrackedOrder | undefined,
  report: ExecutionReport,
  orderId: string,
): TrackedOrder {
  const next: Record<string, unknown> = { ...previous }
  for (const [key, value] of Object.entries(report)) {
    if (value !== undefined && !EVENT_FIELDS.has(key))
      defineOwn(next, key, value)
  }
  defineOwn(next, 'order_id', orderId)
  return Object.freeze(next) as TrackedOrder
}

/**
 * Writes `key` as an own data property: a plain assignment of `__proto__`
 * (a key `JSON.parse` happily produces) would replace the object's prototype.
 */
function defineOwn(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** The fill a `trade` report describes, if it is one. */
export function fillOf(
  report: ExecutionReport,
  orderId: string,
): Fill | undefined {
  if (report.exec_type !== 'trade') return undefined
  return Object.freeze({
    order_id: orderId,
    exec_id: report.exec_id,
    trade_id: report.trade_id,
    last_qty: report.last_qty,
    last_price: report.last_price,
    cost: report.cost,
    liquidity_ind: report.liquidity_ind,
    fees: report.fees,
    timestamp: report.timestamp,
  })
}

/** How an order ended, as the executions channel says. */
export type TerminalStatus = 'filled' | 'canceled' | 'expired'

const TERMINAL = new Set<string>(['filled', 'canceled', 'expired'])

/**
 * Whether `report` ends its order: an `exec_type` or `order_status` of
 * `filled`, `canceled` or `expired`.
 */
export function terminalStatusOf(
  report: ExecutionReport,
): TerminalStatus | undefined {
  for (const value of [report.exec_type, report.order_status]) {
    if (value !== undefined && TERMINAL.has(value))
      return value as TerminalStatus
  }
  return undefined
}
