import * as v from 'valibot'
import {
  FlagSchema,
  SymbolSchema,
  TimestampSchema,
} from '../internal/fields.js'
import { parseRequest } from '../internal/parseRequest.js'
import type { ReadonlyDeep } from '../internal/readonlyDeep.js'
import { BATCH_TIME_IN_FORCE, orderEntries } from './orderFields.js'
import { orderRules } from './orderRules.js'

/** The fewest orders a `batch_add` takes. */
export const BATCH_ADD_MIN_ORDERS = 2
/** The most orders a `batch_add` takes. */
export const BATCH_ADD_MAX_ORDERS = 15

const COUNT = `must hold ${BATCH_ADD_MIN_ORDERS} to ${BATCH_ADD_MAX_ORDERS} orders`

/**
 * One order of a `batch_add`: the `add_order` fields without `symbol`,
 * `deadline` and `validate` (set once for the batch), and without the `fok`
 * time in force.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_add
 */
export const BatchOrderSchema = v.pipe(
  v.strictObject(orderEntries(BATCH_TIME_IN_FORCE)),
  orderRules(),
)

/** One order of a `batch_add`. */
export type BatchOrder = v.InferOutput<typeof BatchOrderSchema>

/**
 * A `batch_add` request: 2 to 15 orders on one symbol, validated as a whole
 * (one invalid order rejects the batch).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_add
 */
export const BatchAddRequestSchema = v.strictObject({
  method: v.literal('batch_add'),
  params: v.strictObject({
    symbol: SymbolSchema,
    orders: v.pipe(
      v.array(BatchOrderSchema, 'must be a list of orders'),
      v.minLength(BATCH_ADD_MIN_ORDERS, COUNT),
      v.maxLength(BATCH_ADD_MAX_ORDERS, COUNT),
    ),
    deadline: v.exactOptional(TimestampSchema),
    /** Kraken's default is `false`; `true` validates without trading. */
    validate: v.exactOptional(FlagSchema),
  }),
})

/** A `batch_add` request. */
export type BatchAddRequest = v.InferOutput<typeof BatchAddRequestSchema>

/** The parameters of {@link BatchAddRequest}, in Kraken's names. */
export type BatchAddParams = BatchAddRequest['params']

/**
 * Builds a `batch_add` request from Kraken's parameters.
 *
 * @throws {RequestValidationError} when the batch holds fewer than 2 or more
 * than 15 orders, an order sets its own `symbol`, or an order is invalid (the
 * field is named with its index, e.g. `orders[1].side`).
 *
 * @example
 * ```ts
 * import { BatchAddRequest } from '@kraken-sockets/schema'
 *
 * const request = BatchAddRequest({
 *   symbol: 'BTC/USD',
 *   orders: [
 *     { order_type: 'limit', side: 'buy', order_qty: '0.1', limit_price: '1010.10' },
 *     { order_type: 'limit', side: 'sell', order_qty: '0.1', limit_price: '2020.20' },
 *   ],
 * })
 * ```
 */
export function BatchAddRequest(
  params: ReadonlyDeep<BatchAddParams>,
): BatchAddRequest {
  return parseRequest(
    BatchAddRequestSchema,
    { method: 'batch_add', params },
    'batch_add',
  )
}
