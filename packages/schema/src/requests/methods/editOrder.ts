import * as v from 'valibot'
import { MoneySchema, QuantitySchema } from '../../money/moneySchema.js'
import {
  FlagSchema,
  IntegerSchema,
  OrderIdSchema,
  SymbolSchema,
  TimestampSchema,
} from '../internal/fields.js'
import { oneOf } from '../internal/oneOf.js'
import { parseRequest } from '../internal/parseRequest.js'
import type { ReadonlyDeep } from '../internal/readonlyDeep.js'
import {
  FEE_PREFERENCES,
  TRIGGER_REFERENCES,
  TriggersSchema,
} from './orderFields.js'

/**
 * An `edit_order` request: cancels an order and replaces it (new order id,
 * queue position lost). Kraken recommends `amend_order` instead; `cl_ord_id`
 * is not supported here.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/edit_order
 */
export const EditOrderRequestSchema = v.strictObject({
  method: v.literal('edit_order'),
  params: v.strictObject({
    order_id: OrderIdSchema,
    /** The order's original symbol (it cannot be changed). */
    symbol: SymbolSchema,
    order_qty: v.exactOptional(QuantitySchema),
    limit_price: v.exactOptional(MoneySchema),
    display_qty: v.exactOptional(QuantitySchema),
    fee_preference: v.exactOptional(oneOf(FEE_PREFERENCES)),
    /** A new tag; it does not identify the order. */
    order_userref: v.exactOptional(IntegerSchema),
    post_only: v.exactOptional(FlagSchema),
    reduce_only: v.exactOptional(FlagSchema),
    triggers: v.exactOptional(TriggersSchema),
    deadline: v.exactOptional(TimestampSchema),
    validate: v.exactOptional(FlagSchema),
    /** @deprecated Accepted by Kraken but ignored. */
    no_mpp: v.exactOptional(FlagSchema),
    /** @deprecated Use `limit_price`. */
    price: v.exactOptional(MoneySchema),
    /** @deprecated Use `triggers.reference`. */
    trigger: v.exactOptional(oneOf(TRIGGER_REFERENCES)),
    /** @deprecated Use `triggers.price`. */
    stop_price: v.exactOptional(MoneySchema),
  }),
})

/** An `edit_order` request. */
export type EditOrderRequest = v.InferOutput<typeof EditOrderRequestSchema>

/** The parameters of {@link EditOrderRequest}, in Kraken's names. */
export type EditOrderParams = EditOrderRequest['params']

/**
 * Builds an `edit_order` request from Kraken's parameters.
 *
 * @throws {RequestValidationError} when `order_id` or `symbol` is missing, or
 * a field is unknown (e.g. `cl_ord_id`) or invalid.
 *
 * @example
 * ```ts
 * import { EditOrderRequest } from '@kraken-sockets/schema'
 *
 * const request = EditOrderRequest({
 *   order_id: 'ORDERX-IDXXX-XXXXX1',
 *   symbol: 'BTC/USD',
 *   order_qty: '0.2123456789',
 * })
 * ```
 */
export function EditOrderRequest(
  params: ReadonlyDeep<EditOrderParams>,
): EditOrderRequest {
  return parseRequest(
    EditOrderRequestSchema,
    { method: 'edit_order', params },
    'edit_order',
  )
}
