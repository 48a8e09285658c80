import * as v from 'valibot'
import { MoneySchema, QuantitySchema } from '../../money/moneySchema.js'
import {
  ClientOrderIdSchema,
  FlagSchema,
  IntegerSchema,
  TimestampSchema,
} from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'

/** Every `order_type` Kraken accepts. */
export const ORDER_TYPES = [
  'limit',
  'market',
  'iceberg',
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
  'settle-position',
] as const

/** The order types of a `conditional` (OTO) close order. */
export const CONDITIONAL_ORDER_TYPES = [
  'limit',
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
] as const

/** `buy` or `sell`. */
export const ORDER_SIDES = ['buy', 'sell'] as const

/** `time_in_force` values of `add_order` (`fok` for limit orders only). */
export const TIME_IN_FORCE = ['gtc', 'gtd', 'ioc', 'fok'] as const

/** `time_in_force` values of an order in `batch_add` (no `fok`). */
export const BATCH_TIME_IN_FORCE = ['gtc', 'gtd', 'ioc'] as const

/** How a price is read: as is, as a percentage, or as a quote offset. */
export const PRICE_TYPES = ['static', 'pct', 'quote'] as const

/** Which price a trigger watches. */
export const TRIGGER_REFERENCES = ['index', 'last'] as const

/** Self-trade prevention strategies. */
export const STP_TYPES = [
  'cancel_newest',
  'cancel_oldest',
  'cancel_both',
] as const

/** The currency fees are preferably paid in. */
export const FEE_PREFERENCES = ['base', 'quote'] as const

/** `price_type` / `limit_price_type` / `trigger_price_type`. */
export const PriceTypeSchema = oneOf(PRICE_TYPES)

/**
 * The `triggers` of a triggered order: `price` is required; Kraken defaults
 * `reference` to `last` and `price_type` to `static`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const TriggersSchema = v.strictObject({
  reference: v.exactOptional(oneOf(TRIGGER_REFERENCES)),
  price: MoneySchema,
  price_type: v.exactOptional(PriceTypeSchema),
})

/**
 * The `conditional` close order (OTO) attached to an order.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const ConditionalSchema = v.strictObject({
  order_type: oneOf(CONDITIONAL_ORDER_TYPES),
  limit_price: v.exactOptional(MoneySchema),
  limit_price_type: v.exactOptional(PriceTypeSchema),
  trigger_price: v.exactOptional(MoneySchema),
  trigger_price_type: v.exactOptional(PriceTypeSchema),
  /** @deprecated Use `trigger_price`. */
  stop_price: v.exactOptional(MoneySchema),
})

/**
 * The fields of one order, shared by `add_order` and the orders of
 * `batch_add` (which set `symbol`, `deadline` and `validate` for the batch).
 */
export function orderEntries<
  const TTimeInForce extends readonly [string, ...string[]],
>(timeInForce: TTimeInForce) {
  return {
    order_type: oneOf(ORDER_TYPES),
    side: oneOf(ORDER_SIDES),
    order_qty: v.exactOptional(QuantitySchema),
    limit_price: v.exactOptional(MoneySchema),
    limit_price_type: v.exactOptional(PriceTypeSchema),
    triggers: v.exactOptional(TriggersSchema),
    time_in_force: v.exactOptional(oneOf(timeInForce)),
    margin: v.exactOptional(FlagSchema),
    post_only: v.exactOptional(FlagSchema),
    reduce_only: v.exactOptional(FlagSchema),
    effective_time: v.exactOptional(TimestampSchema),
    expire_time: v.exactOptional(TimestampSchema),
    cl_ord_id: v.exactOptional(ClientOrderIdSchema),
    order_userref: v.exactOptional(IntegerSchema),
    conditional: v.exactOptional(ConditionalSchema),
    display_qty: v.exactOptional(QuantitySchema),
    fee_preference: v.exactOptional(oneOf(FEE_PREFERENCES)),
    /** @deprecated Accepted by Kraken but ignored. */
    no_mpp: v.exactOptional(FlagSchema),
    stp_type: v.exactOptional(oneOf(STP_TYPES)),
    cash_order_qty: v.exactOptional(QuantitySchema),
    sender_sub_id: v.exactOptional(ClientOrderIdSchema),
    /** @deprecated Use `triggers.price`. */
    stop_price: v.exactOptional(MoneySchema),
    /** @deprecated Use `triggers.reference`. */
    trigger: v.exactOptional(oneOf(TRIGGER_REFERENCES)),
  }
}
