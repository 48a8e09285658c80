import {
  isPlacingMethod,
  type PairStatus as SchemaPairStatus,
  type SystemStatus as SchemaSystemStatus,
} from '@kraken-sockets/schema'
import type { OrderParams, TradingMethod } from './types.js'

/** Trading engine states from the `status` channel (schema's vocabulary). */
export type SystemStatus = SchemaSystemStatus

/** Pair states from the `instrument` channel (schema's vocabulary). */
export type PairStatus = SchemaPairStatus

/** What {@link checkOrderAllowed} decides. */
export type GuardResult = { ok: true } | { ok: false; reason: string }

/** Inputs of {@link checkOrderAllowed}. */
export type CheckOrderAllowedParameters = {
  method: TradingMethod
  /**
   * The orders the request places or changes: one for add_order and
   * edit_order, the batch for batch_add, the amended fields for amend_order.
   */
  orders?: readonly Partial<OrderParams>[] | undefined
  /** The last `status.system` seen; unknown (`undefined`) skips the check. */
  systemStatus?: string | undefined
  /** The pair's `status` from the `instrument` channel; unknown skips the check. */
  pairStatus?: string | undefined
  /** The pair, for messages. */
  symbol?: string | undefined
}

/** Order types that may carry `post_only` (they rest at a limit price). */
const POST_ONLY_TYPES = new Set(['limit', 'iceberg'])

/** Order types that execute at market price once triggered or placed. */
const MARKET_PRICED_TYPES = new Set([
  'market',
  'stop-loss',
  'take-profit',
  'trailing-stop',
  'settle-position',
])

const NO_NEW_ORDERS: Record<string, string> = {
  maintenance: 'maintenance',
  cancel_only: 'cancel_only',
  delisted: 'delisted',
  work_in_progress: 'work_in_progress',
}

function refused(reason: string): GuardResult {
  return { ok: false, reason }
}

/**
 * Decides locally whether a trading request may be sent, from the system
 * status and the pair's status, so that an order Kraken is certain to reject
 * is refused before it costs a round trip or a rate-counter charge.
 *
 * Rules (every other combination passes; unknown statuses pass, Kraken decides):
 * - cancellations (`cancel_order`, `cancel_all`, `batch_cancel`,
 *   `cancel_all_orders_after`) are **never** refused: a stale status must not
 *   stop a caller from pulling orders;
 * - system `maintenance` or `cancel_only`, or pair `maintenance`,
 *   `cancel_only`, `delisted` or `work_in_progress`: no add, batch, amend or edit;
 * - system or pair `post_only`: each order placed or edited must be a `limit`
 *   or `iceberg` order with `post_only: true`; an amend that changes
 *   `limit_price` must set `post_only: true`;
 * - pair `limit_only`: no market-priced types (`market`, `stop-loss`,
 *   `take-profit`, `trailing-stop`, `settle-position`);
 * - pair `reduce_only`: each order placed or edited must set `reduce_only: true`.
 *
 * @example
 * ```ts
 * const verdict = checkOrderAllowed({ method: 'add_order', orders: [params], systemStatus, pairStatus })
 * if (!verdict.ok) throw new NotSentError({ method: 'add_order', reason: verdict.reason })
 * ```
 */
export function checkOrderAllowed(
  args: CheckOrderAllowedParameters,
): GuardResult {
  if (!isPlacingMethod(args.method)) return { ok: true }
  const orders = args.orders ?? []
  const pair = args.symbol ?? 'the pair'
  const system = args.systemStatus
  if (system === 'maintenance' || system === 'cancel_only') {
    return refused(
      `${args.method} refused: the trading engine is in ${system} mode (status.system)`,
    )
  }
  const pairBlock =
    args.pairStatus === undefined ? undefined : NO_NEW_ORDERS[args.pairStatus]
  if (pairBlock !== undefined) {
    return refused(
      `${args.method} refused: ${pair} is in ${pairBlock} status (instrument pair status)`,
    )
  }
  const postOnlyBy =
    system === 'post_only'
      ? 'the trading engine is in post_only mode (status.system)'
      : undefined
  const pairPostOnly =
    args.pairStatus === 'post_only'
      ? `${pair} is in post_only status (instrument pair status)`
      : undefined
  const postOnlyReason = postOnlyBy ?? pairPostOnly
  for (const [index, order] of orders.entries()) {
    const label = orders.length > 1 ? `order ${index}` : 'the order'
    if (postOnlyReason !== undefined) {
      if (args.method === 'amend_order') {
        if (order.limit_price !== undefined && order.post_only !== true) {
          return refused(
            `amend_order refused: a price change needs post_only: true while ${postOnlyReason}`,
          )
        }
      } else if (
        order.post_only !== true ||
        (order.order_type !== undefined &&
          !POST_ONLY_TYPES.has(order.order_type))
      ) {
        return refused(
          `${args.method} refused: ${label} must be a limit order with post_only: true while ${postOnlyReason}`,
        )
      }
    }
    if (
      args.pairStatus === 'limit_only' &&
      order.order_type !== undefined &&
      MARKET_PRICED_TYPES.has(order.order_type)
    ) {
      return refused(
        `${args.method} refused: ${label} is a ${order.order_type} order, but ${pair} is in limit_only status (instrument pair status)`,
      )
    }
    if (
      args.pairStatus === 'reduce_only' &&
      args.method !== 'amend_order' &&
      order.reduce_only !== true
    ) {
      return refused(
        `${args.method} refused: ${label} must set reduce_only: true while ${pair} is in reduce_only status (instrument pair status)`,
      )
    }
  }
  return { ok: true }
}
