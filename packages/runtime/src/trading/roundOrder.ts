import {
  compareDecimal,
  type Decimal,
  type DecimalParseFailure,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
  type RoundingMode,
  roundToIncrement,
} from './decimal.js'
import type { DecimalInput, InstrumentPair, OrderSide } from './types.js'

/** Why an amount was refused before sending. */
export type RoundingRefusalCode =
  | DecimalParseFailure
  | 'bad_increment'
  | 'rounds_to_zero'
  | 'below_qty_min'
  | 'below_cost_min'

/** A rounding outcome: the decimal text to send, or a refusal naming the field and the limit. */
export type RoundingResult =
  | { ok: true; value: string }
  | { ok: false; code: RoundingRefusalCode; field: string; reason: string }

type Exact =
  | { ok: true; value: Decimal }
  | Extract<RoundingResult, { ok: false }>

function refuse(
  code: RoundingRefusalCode,
  field: string,
  reason: string,
): Exact & { ok: false } {
  return { ok: false, code, field, reason }
}

const FAILURE_TEXT: Record<DecimalParseFailure, string> = {
  not_finite: 'is not a finite number',
  negative: 'is negative',
  malformed: 'is not a decimal number',
  too_many_digits: 'has too many digits to round safely',
}

function read(field: string, input: DecimalInput): Exact {
  const parsed = parseDecimal(input)
  if (parsed.ok) return parsed
  return refuse(
    parsed.failure,
    field,
    `${field} ${JSON.stringify(String(input))} ${FAILURE_TEXT[parsed.failure]}`,
  )
}

function readIncrement(
  field: string,
  name: string,
  input: DecimalInput,
): Exact {
  const parsed = parseDecimal(input)
  if (parsed.ok && parsed.value.units > 0n) return parsed
  return refuse(
    'bad_increment',
    field,
    `${name} ${String(input)} is not a positive decimal`,
  )
}

/**
 * Rounds `value` to a multiple of `increment` in the given direction, exactly.
 * Refuses non-finite, negative or oversized input and a result of zero.
 *
 * @example
 * ```ts
 * roundAmount('limit_price', 26500.46, 0.1, 'down') // { ok: true, value: '26500.4' }
 * ```
 */
export function roundAmount(
  field: string,
  value: DecimalInput,
  increment: DecimalInput,
  mode: RoundingMode,
): RoundingResult {
  const exact = roundExact(field, value, increment, mode)
  return exact.ok ? { ok: true, value: formatDecimal(exact.value) } : exact
}

function roundExact(
  field: string,
  value: DecimalInput,
  increment: DecimalInput,
  mode: RoundingMode,
): Exact {
  const parsed = read(field, value)
  if (!parsed.ok) return parsed
  const step = readIncrement(field, `increment for ${field}`, increment)
  if (!step.ok) return step
  const rounded = roundToIncrement(parsed.value, step.value, mode)
  if (rounded.units === 0n) {
    return refuse(
      'rounds_to_zero',
      field,
      `${field} ${String(value)} rounds to zero at increment ${formatDecimal(step.value)}`,
    )
  }
  return { ok: true, value: rounded }
}

/**
 * The direction a limit price is rounded in, so that rounding never worsens the
 * caller's limit: a buy rounds down (never pays more), a sell rounds up (never
 * sells for less).
 */
export function priceRoundingMode(side: OrderSide): RoundingMode {
  return side === 'buy' ? 'down' : 'up'
}

/** Inputs of {@link roundOrder}. */
export type RoundOrderParameters = {
  /**
   * The order's side; without it (an amend whose order is not tracked) the
   * price rounds to the nearest increment.
   */
  side?: OrderSide | undefined
  order_qty?: DecimalInput | undefined
  limit_price?: DecimalInput | undefined
  /**
   * An absolute trigger price (`triggers.price` of a stop-loss or take-profit
   * order with a `static` price type): rounded like `limit_price`.
   */
  trigger_price?: DecimalInput | undefined
  /** Iceberg visible quantity: rounded down like `order_qty`. */
  display_qty?: DecimalInput | undefined
  /**
   * Price used for the `cost_min` check when the order has no `limit_price`
   * (market orders), e.g. the best opposite quote. Without it the check is skipped.
   */
  referencePrice?: DecimalInput | undefined
}

/** The rounded fields of an order, as decimal text. */
export type RoundedOrderFields = {
  order_qty?: string
  limit_price?: string
  trigger_price?: string
  display_qty?: string
}

/** What {@link roundOrder} returns: the rounded fields to send, or the first refusal. */
export type RoundOrderResult =
  | ({ ok: true } & RoundedOrderFields)
  | Extract<RoundingResult, { ok: false }>

/**
 * Rounds an order's `limit_price` and `trigger_price` to the pair's
 * `price_increment` (toward the caller's advantage, see
 * {@link priceRoundingMode}) and its `order_qty` and `display_qty` down to
 * `qty_increment` (never more than asked), then checks `qty_min` and
 * `cost_min` (qty × price, exact) on the rounded values.
 *
 * @example
 * ```ts
 * const r = roundOrder({ side: 'buy', order_qty: '0.123456789', limit_price: 26500.46 }, pair)
 * if (!r.ok) throw new NotSentError({ method: 'add_order', reason: r.reason })
 * ```
 */
export function roundOrder(
  order: RoundOrderParameters,
  pair: InstrumentPair,
): RoundOrderResult {
  const out: { ok: true } & RoundedOrderFields = { ok: true }
  const priceMode =
    order.side === undefined ? 'nearest' : priceRoundingMode(order.side)
  let price: Decimal | undefined
  let qty: Decimal | undefined
  if (order.limit_price !== undefined) {
    const r = roundExact(
      'limit_price',
      order.limit_price,
      pair.price_increment,
      priceMode,
    )
    if (!r.ok) return r
    price = r.value
    out.limit_price = formatDecimal(price)
  }
  if (order.trigger_price !== undefined) {
    const r = roundExact(
      'trigger_price',
      order.trigger_price,
      pair.price_increment,
      priceMode,
    )
    if (!r.ok) return r
    out.trigger_price = formatDecimal(r.value)
  }
  if (order.display_qty !== undefined) {
    const r = roundExact(
      'display_qty',
      order.display_qty,
      pair.qty_increment,
      'down',
    )
    if (!r.ok) return r
    out.display_qty = formatDecimal(r.value)
  }
  if (order.order_qty !== undefined) {
    const r = roundExact(
      'order_qty',
      order.order_qty,
      pair.qty_increment,
      'down',
    )
    if (!r.ok) return r
    qty = r.value
    out.order_qty = formatDecimal(qty)
  }
  if (qty !== undefined && pair.qty_min !== undefined) {
    const min = read('qty_min', pair.qty_min)
    if (!min.ok) return min
    if (compareDecimal(qty, min.value) < 0) {
      return refuse(
        'below_qty_min',
        'order_qty',
        `order_qty ${formatDecimal(qty)} is below qty_min ${formatDecimal(min.value)} for ${pair.symbol}`,
      )
    }
  }
  if (price === undefined && order.referencePrice !== undefined) {
    const ref = read('referencePrice', order.referencePrice)
    if (!ref.ok) return ref
    price = ref.value
  }
  if (qty !== undefined && price !== undefined && pair.cost_min !== undefined) {
    const min = read('cost_min', pair.cost_min)
    if (!min.ok) return min
    const cost = multiplyDecimal(qty, price)
    if (compareDecimal(cost, min.value) < 0) {
      return refuse(
        'below_cost_min',
        'order_qty',
        `order cost ${formatDecimal(cost)} (order_qty × price) is below cost_min ${formatDecimal(min.value)} for ${pair.symbol}`,
      )
    }
  }
  return out
}
