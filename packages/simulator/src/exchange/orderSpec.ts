import type { EngineContext } from './context.js'
import { isMultipleOf } from './decimal.js'
import { hasLimitPrice, isTriggered, type OrderSpec } from './order.js'
import {
  checkClOrdId,
  checkDeadline,
  type Params,
  readBool,
  readFloat,
  readInt,
  readObject,
  readString,
  requireFloat,
  requireString,
} from './params.js'
import {
  invalidArguments,
  KRAKEN_ERRORS,
  TradingRejection,
} from './rejection.js'
import { parseRfc3339 } from './time.js'
import type { ExchangePair, OrderTrigger, OrderType } from './types.js'

const ORDER_TYPES: readonly OrderType[] = [
  'limit',
  'market',
  'iceberg',
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
]

const MONTH = 31 * 24 * 3600_000

/** The pair `symbol`, or Kraken's unknown-pair rejection. */
export function pairOf(ctx: EngineContext, symbol: string): ExchangePair {
  const pair = ctx.pairs.get(symbol)
  if (pair === undefined) throw new TradingRejection(KRAKEN_ERRORS.unknownPair)
  return pair
}

function readTrigger(
  params: Params,
  type: OrderType,
): OrderTrigger | undefined {
  const triggers = readObject(params, 'triggers')
  const stopPrice = readFloat(params, 'stop_price')
  if (!isTriggered(type)) {
    if (triggers !== undefined) throw invalidArguments('triggers')
    return undefined
  }
  if (triggers === undefined && stopPrice === undefined)
    throw invalidArguments('triggers is required')
  const source = triggers ?? {
    price: stopPrice,
    reference: readString(params, 'trigger', ['index', 'last']),
  }
  const trigger: OrderTrigger = {
    reference: readString(source, 'reference', ['index', 'last']) ?? 'last',
    price: requireFloat(source, 'price'),
    price_type:
      readString(source, 'price_type', ['static', 'pct', 'quote']) ?? 'static',
  }
  if (type.startsWith('trailing-stop')) {
    if (trigger.price_type === 'static' || trigger.price <= 0)
      throw invalidArguments('triggers.price')
  } else if (trigger.price_type === 'static' && trigger.price <= 0)
    throw invalidArguments('triggers.price')
  return trigger
}

function readTimeInForce(params: Params, spec: OrderSpec, now: number): void {
  const expire = readString(params, 'expire_time')
  if (spec.time_in_force === 'fok' && spec.order_type !== 'limit')
    throw invalidArguments('time_in_force')
  if (spec.time_in_force !== 'gtd') {
    if (expire !== undefined) throw invalidArguments('expire_time')
    return
  }
  if (expire === undefined) throw invalidArguments('expire_time is required')
  const at = parseRfc3339(expire)
  if (at === undefined || at <= now || at > now + MONTH)
    throw invalidArguments('expire_time')
  spec.expire_time = at
}

/** Checks price and quantity against the pair's increments and minimums. */
export function checkAmounts(
  ctx: EngineContext,
  pair: ExchangePair,
  spec: Pick<OrderSpec, 'order_qty' | 'limit_price' | 'side' | 'trigger'> & {
    symbol: string
  },
): void {
  if (
    spec.limit_price !== undefined &&
    (spec.limit_price <= 0 ||
      !isMultipleOf(spec.limit_price, pair.price_increment))
  )
    throw new TradingRejection('EOrder:Invalid price')
  if (spec.order_qty < 0 || !isMultipleOf(spec.order_qty, pair.qty_increment))
    throw invalidArguments('order_qty')
  const price =
    spec.limit_price ??
    (spec.trigger?.price_type === 'static' ? spec.trigger.price : undefined) ??
    ctx.quotes.get(spec.symbol)?.last
  if (spec.order_qty < pair.qty_min)
    throw new TradingRejection(KRAKEN_ERRORS.orderMinimum)
  if (price !== undefined && spec.order_qty * price < pair.cost_min)
    throw new TradingRejection(KRAKEN_ERRORS.orderMinimum)
}

/**
 * Validates an order's params (add_order, or one order of batch_add with
 * `symbol` given) the way Kraken's gateway does, before any funds check.
 * Throws a {@link TradingRejection} carrying Kraken's error string.
 */
export function parseOrderSpec(
  ctx: EngineContext,
  params: Params,
  symbol?: string,
): OrderSpec {
  const order_type = requireString(params, 'order_type', ORDER_TYPES)
  const side = requireString(params, 'side', ['buy', 'sell'])
  const pair = pairOf(ctx, symbol ?? requireString(params, 'symbol'))
  const cash_order_qty = readFloat(params, 'cash_order_qty')
  const qty = readFloat(params, 'order_qty')
  if (
    cash_order_qty !== undefined &&
    (order_type !== 'market' || side !== 'buy')
  )
    throw invalidArguments('cash_order_qty')
  if (qty === undefined && cash_order_qty === undefined)
    throw invalidArguments('order_qty is required')
  const limit_price = readFloat(params, 'limit_price')
  if (hasLimitPrice(order_type) !== (limit_price !== undefined))
    throw invalidArguments(
      limit_price === undefined ? 'limit_price is required' : 'limit_price',
    )
  const noMpp = readBool(params, 'no_mpp')
  if (noMpp !== undefined && order_type !== 'market')
    throw invalidArguments(
      'no_mpp order option is only available when ordertype = market',
    )
  const post_only = readBool(params, 'post_only') ?? false
  if (post_only && !hasLimitPrice(order_type))
    throw invalidArguments('post_only')
  if (readBool(params, 'margin') === true)
    throw new TradingRejection('EGeneral:Permission denied')
  const cl_ord_id = readString(params, 'cl_ord_id')
  const order_userref = readInt(params, 'order_userref')
  if (cl_ord_id !== undefined) {
    if (order_userref !== undefined) throw invalidArguments('cl_ord_id')
    checkClOrdId(cl_ord_id)
  }
  const display_qty = readFloat(params, 'display_qty')
  if ((order_type === 'iceberg') !== (display_qty !== undefined))
    throw invalidArguments('display_qty')
  const spec: OrderSpec = {
    symbol: pair.symbol,
    side,
    order_type,
    order_qty: qty ?? 0,
    time_in_force:
      readString(params, 'time_in_force', ['gtc', 'gtd', 'ioc', 'fok']) ??
      'gtc',
    post_only,
    reduce_only: readBool(params, 'reduce_only') ?? false,
  }
  if (cash_order_qty !== undefined) spec.cash_order_qty = cash_order_qty
  if (limit_price !== undefined) spec.limit_price = limit_price
  const limitPriceType = readString(params, 'limit_price_type', [
    'static',
    'pct',
    'quote',
  ])
  if (limitPriceType !== undefined) spec.limit_price_type = limitPriceType
  const trigger = readTrigger(params, order_type)
  if (trigger !== undefined) spec.trigger = trigger
  if (cl_ord_id !== undefined) spec.cl_ord_id = cl_ord_id
  if (order_userref !== undefined) spec.order_userref = order_userref
  if (display_qty !== undefined) {
    if (display_qty < spec.order_qty / 15) throw invalidArguments('display_qty')
    spec.display_qty = display_qty
  }
  readTimeInForce(params, spec, ctx.now())
  readString(params, 'effective_time')
  readString(params, 'fee_preference', ['base', 'quote'])
  readString(params, 'stp_type', [
    'cancel_newest',
    'cancel_oldest',
    'cancel_both',
  ])
  checkDeadline(params, ctx.now())
  if (cash_order_qty === undefined) checkAmounts(ctx, pair, spec)
  return spec
}
