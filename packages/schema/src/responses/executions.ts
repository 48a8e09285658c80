import * as v from 'valibot'
import { IntegerSchema, type Precise, TimestampSchema } from './shared.js'

const optionalNumber = v.exactOptional(v.number())
const optionalString = v.exactOptional(v.string())
const optionalBoolean = v.exactOptional(v.boolean())

/**
 * The trigger of a triggered order (stop-loss, take-profit, trailing).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export const TriggersSchema = v.looseObject({
  reference: optionalString,
  price: optionalNumber,
  price_type: optionalString,
  actual_price: optionalNumber,
  peak_price: optionalNumber,
  last_price: optionalNumber,
  status: optionalString,
  timestamp: v.exactOptional(TimestampSchema),
})

/**
 * One execution report. Which fields are present depends on `exec_type`, so
 * every field is optional (a `new` event carries five).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export const ExecutionSchema = v.looseObject({
  order_id: optionalString,
  cl_ord_id: optionalString,
  order_userref: v.exactOptional(IntegerSchema),
  symbol: optionalString,
  side: v.exactOptional(v.picklist(['buy', 'sell'])),
  order_type: optionalString,
  order_qty: optionalNumber,
  cash_order_qty: optionalNumber,
  display_qty: optionalNumber,
  display_qty_remain: optionalNumber,
  limit_price: optionalNumber,
  limit_price_type: optionalString,
  time_in_force: optionalString,
  effective_time: v.exactOptional(TimestampSchema),
  expire_time: v.exactOptional(TimestampSchema),
  post_only: optionalBoolean,
  reduce_only: optionalBoolean,
  margin: optionalBoolean,
  margin_borrow: optionalBoolean,
  no_mpp: optionalBoolean,
  fee_ccy_pref: optionalString,
  exec_type: v.exactOptional(
    v.picklist([
      'pending_new',
      'new',
      'trade',
      'filled',
      'iceberg_refill',
      'canceled',
      'expired',
      'restated',
      'status',
      'amended',
    ]),
  ),
  order_status: v.exactOptional(
    v.picklist([
      'pending_new',
      'new',
      'partially_filled',
      'filled',
      'canceled',
      'expired',
    ]),
  ),
  exec_id: optionalString,
  trade_id: v.exactOptional(IntegerSchema),
  last_qty: optionalNumber,
  last_price: optionalNumber,
  cost: optionalNumber,
  liquidity_ind: optionalString,
  fees: v.exactOptional(
    v.array(v.looseObject({ asset: v.string(), qty: v.number() })),
  ),
  cum_qty: optionalNumber,
  cum_cost: optionalNumber,
  avg_price: optionalNumber,
  fee_usd_equiv: optionalNumber,
  amended: optionalBoolean,
  liquidated: optionalBoolean,
  position_status: optionalString,
  reason: optionalString,
  sender_sub_id: optionalString,
  ord_ref_id: optionalString,
  ext_ord_id: optionalString,
  ext_exec_id: optionalString,
  contingent: v.exactOptional(v.record(v.string(), v.unknown())),
  triggers: v.exactOptional(TriggersSchema),
  user: optionalString,
  timestamp: v.exactOptional(TimestampSchema),
  cancel_reason: optionalString,
  stop_price: optionalNumber,
  trigger: optionalString,
  triggered_price: optionalNumber,
})

/**
 * Open orders (and recent fills) sent after subscribing.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export const ExecutionsSnapshotResponseSchema = v.looseObject({
  channel: v.literal('executions'),
  type: v.literal('snapshot'),
  sequence: v.exactOptional(IntegerSchema),
  executions: v.array(ExecutionSchema),
})

/**
 * Order status changes and fills.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export const ExecutionsUpdateResponseSchema = v.looseObject({
  channel: v.literal('executions'),
  type: v.literal('update'),
  sequence: v.exactOptional(IntegerSchema),
  executions: v.array(ExecutionSchema),
})

/** One execution report. */
export type Execution = Precise<v.InferOutput<typeof ExecutionSchema>>
