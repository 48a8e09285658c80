import {
  AddOrderRequest,
  AmendOrderRequest,
  BatchAddRequest,
  EditOrderRequest,
  type TradingRequest,
} from '@kraken-sockets/schema'
import {
  generateClientOrderId,
  withBatchClientOrderIds,
  withClientOrderId,
} from './clientOrderId.js'
import type { TrackedOrder } from './executionReport.js'
import { checkOrderAllowed } from './orderGuards.js'
import { type RoundOrderParameters, roundOrder } from './roundOrder.js'
import type {
  DecimalInput,
  InstrumentPair,
  OrderParams,
  OrderSide,
} from './types.js'

/** What {@link prepareTradingRequest} reads besides the request. */
export type PrepareContext = {
  /** Round prices and quantities and refuse locally (`options.trading.round`). */
  readonly round: boolean
  /** The pair `symbol` from the `instrument` channel. */
  readonly pair: (symbol: string) => InstrumentPair | undefined
  /** The last `status.system` of the private socket. */
  readonly systemStatus: string | undefined
  /** A tracked order by `order_id` or `cl_ord_id` (amend and edit read its side and pair). */
  readonly order: (id: string) => TrackedOrder | undefined
  /** Makes a `cl_ord_id`. @default a random UUID */
  readonly generateClOrdId?: (() => string) | undefined
}

/** The request to send, or why it must not be sent. */
export type PrepareResult =
  | { readonly ok: true; readonly request: TradingRequest }
  | { readonly ok: false; readonly reason: string }

type Params = Record<string, unknown>
type Rounded = Params
type Step<T> = { ok: true; value: T } | { ok: false; reason: string }

/**
 * Readies a trading request for the wire:
 * - `add_order` and each `batch_add` order get a `cl_ord_id` when they have
 *   neither one nor `order_userref`;
 * - with `round`, orders that place or change a price or quantity
 *   (`add_order`, `batch_add`, `amend_order`, `edit_order`) are checked
 *   against the system and pair status, their `limit_price` (and the
 *   absolute trigger price of a stop-loss or take-profit order: `static`
 *   `triggers.price`, or an amend's `trigger_price`) rounded to
 *   `price_increment` (a buy down, a sell up), `order_qty` and `display_qty`
 *   down to `qty_increment`, then checked against `qty_min` and `cost_min`.
 *   A new order for a pair the `instrument` channel does not list is refused;
 *   an amend of an order whose pair is unknown (placed elsewhere) is sent
 *   as given.
 *
 * Cancellations pass unchanged: pulling orders is never refused locally.
 *
 * @example
 * ```ts
 * const prepared = prepareTradingRequest(request, { round: true, pair: (s) => pairs.get(s), systemStatus: 'online', order: () => undefined })
 * if (!prepared.ok) throw new NotSentError({ method: request.method, reason: prepared.reason })
 * ```
 */
export function prepareTradingRequest(
  request: TradingRequest,
  context: PrepareContext,
): PrepareResult {
  const generate = context.generateClOrdId ?? generateClientOrderId
  const params = ((request as { params?: unknown }).params ?? {}) as Params
  switch (request.method) {
    case 'add_order': {
      const id = withClientOrderId(request.params, generate)
      if (!id.ok) return id
      const symbol = request.params.symbol
      const checked = check(request.method, [id.value], symbol, context, true)
      if (!checked.ok) return checked
      return build(() =>
        AddOrderRequest({ ...id.value, ...(checked.value[0] ?? {}) }),
      )
    }
    case 'batch_add': {
      const ids = withBatchClientOrderIds(request.params.orders, generate)
      if (!ids.ok) return ids
      const symbol = request.params.symbol
      const checked = check(request.method, ids.value, symbol, context, true)
      if (!checked.ok) return checked
      const orders = ids.value.map((order, index) => ({
        ...order,
        ...(checked.value[index] ?? {}),
      }))
      return build(() => BatchAddRequest({ ...request.params, orders }))
    }
    case 'amend_order':
    case 'edit_order': {
      const target = context.order(
        String(params.order_id ?? params.cl_ord_id ?? ''),
      )
      const symbol =
        (params.symbol as string | undefined) ?? target?.symbol ?? undefined
      const side = target?.side as OrderSide | undefined
      const order = { ...params, ...(side === undefined ? {} : { side }) }
      const mustKnowPair = request.method === 'edit_order'
      const checked = check(
        request.method,
        [order],
        symbol,
        context,
        mustKnowPair,
        target?.order_type,
      )
      if (!checked.ok) return checked
      const changes = checked.value[0] ?? {}
      return request.method === 'amend_order'
        ? build(() => AmendOrderRequest({ ...request.params, ...changes }))
        : build(() => EditOrderRequest({ ...request.params, ...changes }))
    }
    default:
      return { ok: true, request }
  }
}

/** Guards, then rounds each order; returns the rounded fields per order. */
function check(
  method: TradingRequest['method'],
  orders: readonly Params[],
  symbol: string | undefined,
  context: PrepareContext,
  mustKnowPair: boolean,
  trackedType?: string,
): Step<Rounded[]> {
  if (!context.round) return { ok: true, value: [] }
  const pair = symbol === undefined ? undefined : context.pair(symbol)
  const verdict = checkOrderAllowed({
    method,
    orders: orders as Partial<OrderParams>[],
    systemStatus: context.systemStatus,
    pairStatus: pair?.status,
    symbol,
  })
  if (!verdict.ok) return verdict
  if (pair === undefined) {
    if (!mustKnowPair) return { ok: true, value: [] }
    return {
      ok: false,
      reason: `${method} refused: the instrument channel lists no pair ${symbol ?? '(none)'}, so its increments and minimums are unknown (options.trading.round: false sends orders unrounded)`,
    }
  }
  const out: Rounded[] = []
  for (const [index, order] of orders.entries()) {
    // An amend or edit names no order type: the tracked order's decides.
    const type = (order.order_type as string | undefined) ?? trackedType
    const trigger = absoluteTriggerPrice(method, type, order)
    const input: RoundOrderParameters = {
      side: order.side as OrderSide | undefined,
      order_qty: order.order_qty as DecimalInput | undefined,
      limit_price: order.limit_price as DecimalInput | undefined,
      trigger_price: trigger,
      display_qty: order.display_qty as DecimalInput | undefined,
    }
    const rounded = roundOrder(input, pair)
    if (!rounded.ok) {
      const label = orders.length > 1 ? ` (order ${index})` : ''
      return { ok: false, reason: `${rounded.reason}${label}` }
    }
    const { ok: _ok, trigger_price, ...fields } = rounded
    out.push({ ...fields, ...triggerFields(method, order, trigger_price) })
  }
  return { ok: true, value: out }
}

/** Order types whose trigger price is a price level (not a trailing offset). */
const ABSOLUTE_TRIGGER_TYPES = new Set([
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
])

/**
 * The trigger price to round: `triggers.price` (`trigger_price` for
 * `amend_order`) of a stop-loss or take-profit order whose price type is
 * `static` (the default). `pct` and `quote` are offsets, and trailing
 * orders' prices are reversions: those pass unchanged.
 */
function absoluteTriggerPrice(
  method: TradingRequest['method'],
  orderType: string | undefined,
  order: Params,
): DecimalInput | undefined {
  if (orderType === undefined || !ABSOLUTE_TRIGGER_TYPES.has(orderType)) {
    return undefined
  }
  if (method === 'amend_order') {
    const type = order.trigger_price_type
    if (type !== undefined && type !== 'static') return undefined
    return order.trigger_price as DecimalInput | undefined
  }
  const triggers = order.triggers as Params | undefined
  if (triggers === undefined) return undefined
  if (triggers.price_type !== undefined && triggers.price_type !== 'static') {
    return undefined
  }
  return triggers.price as DecimalInput | undefined
}

/** The rounded trigger price, put back where the request carries it. */
function triggerFields(
  method: TradingRequest['method'],
  order: Params,
  price: string | undefined,
): Params {
  if (price === undefined) return {}
  if (method === 'amend_order') return { trigger_price: price }
  return { triggers: { ...(order.triggers as Params), price } }
}

function build(make: () => TradingRequest): PrepareResult {
  try {
    return { ok: true, request: make() }
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof Error ? error.message : String(error),
    }
  }
}
