import type * as v from 'valibot'
import { AddOrderResponseSchema } from './addOrder.js'
import { AmendOrderResponseSchema } from './amendOrder.js'
import {
  BalancesSnapshotResponseSchema,
  BalancesUpdateResponseSchema,
} from './balances.js'
import { BatchAddResponseSchema } from './batchAdd.js'
import { BatchCancelResponseSchema } from './batchCancel.js'
import { BookSnapshotResponseSchema, BookUpdateResponseSchema } from './book.js'
import { CancelAllResponseSchema } from './cancelAll.js'
import { CancelAllOrdersAfterResponseSchema } from './cancelAllOrdersAfter.js'
import { CancelOrderResponseSchema } from './cancelOrder.js'
import { EditOrderResponseSchema } from './editOrder.js'
import {
  ExecutionsSnapshotResponseSchema,
  ExecutionsUpdateResponseSchema,
} from './executions.js'
import { HeartbeatResponseSchema } from './heartbeat.js'
import {
  InstrumentsSnapshotResponseSchema,
  InstrumentsUpdateResponseSchema,
} from './instrument.js'
import {
  OrderSnapshotResponseSchema,
  OrderUpdateResponseSchema,
} from './level3.js'
import { OHLCSnapshotResponseSchema, OHLCUpdateResponseSchema } from './ohlc.js'
import { PingResponseSchema } from './ping.js'
import type {
  ResponseFamily,
  ResponseName,
  ResponseType,
  ResponseValue,
  ResponseValueMap,
} from './responseType.js'
import type { Precise } from './shared.js'
import { StatusResponseSchema } from './status.js'
import { SubscriptionResponseSchema } from './subscribe.js'
import {
  TickerSnapshotResponseSchema,
  TickerUpdateResponseSchema,
} from './ticker.js'
import {
  TradesSnapshotResponseSchema,
  TradesUpdateResponseSchema,
} from './trade.js'
import { UnsubscribeResponseSchema } from './unsubscribe.js'

type MutableFamily = { kind: 'family'; name: string; members: ResponseType[] }

const familyDrafts: MutableFamily[] = []

function draftFamily(name: string): MutableFamily {
  const family: MutableFamily = { kind: 'family', name, members: [] }
  familyDrafts.push(family)
  return family
}

const responseDraft = draftFamily('Response')
const snapshotDraft = draftFamily('SnapshotResponse')
const updateDraft = draftFamily('UpdateResponse')
const tradingDraft = draftFamily('TradingResponse')

// Types and families refer to each other, so both are built unfrozen and
// frozen together once every member is known.
function define<const TName extends ResponseName>(
  name: TName,
  schema: v.GenericSchema<unknown, ResponseValueMap[TName]>,
  families: MutableFamily[],
): ResponseType<TName> {
  const all = [responseDraft, ...families]
  const type: ResponseType<TName> = Object.freeze({
    kind: 'response',
    name,
    families: Object.freeze(all) as readonly ResponseFamily[],
    schema,
  })
  for (const family of all) family.members.push(type)
  return type
}

/** A decoded `heartbeat` frame: `{ channel: 'heartbeat' }`. */
export type HeartbeatResponse = Precise<
  v.InferOutput<typeof HeartbeatResponseSchema>
>
/** A heartbeat. Use it as a trigger key. */
export const HeartbeatResponse: ResponseType<'HeartbeatResponse'> = define(
  'HeartbeatResponse',
  HeartbeatResponseSchema,
  [],
)

/** A decoded `pong` (or a rejected `ping`). */
export type PingResponse = Precise<v.InferOutput<typeof PingResponseSchema>>
/** A `pong` (or a rejected `ping`). Use it as a trigger key. */
export const PingResponse: ResponseType<'PingResponse'> = define(
  'PingResponse',
  PingResponseSchema,
  [],
)

/** The trading engine status, pushed on connect and on every change. */
export type StatusResponse = Precise<v.InferOutput<typeof StatusResponseSchema>>
/** The trading engine status. Use it as a trigger key. */
export const StatusResponse: ResponseType<'StatusResponse'> = define(
  'StatusResponse',
  StatusResponseSchema,
  [],
)

/** An L2 book snapshot for one symbol. */
export type BookSnapshotResponse = Precise<
  v.InferOutput<typeof BookSnapshotResponseSchema>
>
/** An L2 book snapshot for one symbol. Use it as a trigger key. */
export const BookSnapshotResponse: ResponseType<'BookSnapshotResponse'> =
  define('BookSnapshotResponse', BookSnapshotResponseSchema, [snapshotDraft])

/** An L2 book update for one symbol. */
export type BookUpdateResponse = Precise<
  v.InferOutput<typeof BookUpdateResponseSchema>
>
/** An L2 book update for one symbol. Use it as a trigger key. */
export const BookUpdateResponse: ResponseType<'BookUpdateResponse'> = define(
  'BookUpdateResponse',
  BookUpdateResponseSchema,
  [updateDraft],
)

/** A ticker snapshot for one symbol: `response.symbol`, `response.last`, ... */
export type TickerSnapshotResponse = Precise<
  v.InferOutput<typeof TickerSnapshotResponseSchema>
>
/** A ticker snapshot for one symbol. Use it as a trigger key. */
export const TickerSnapshotResponse: ResponseType<'TickerSnapshotResponse'> =
  define('TickerSnapshotResponse', TickerSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** A ticker update for one symbol: `response.symbol`, `response.last`, ... */
export type TickerUpdateResponse = Precise<
  v.InferOutput<typeof TickerUpdateResponseSchema>
>
/** A ticker update for one symbol. Use it as a trigger key. */
export const TickerUpdateResponse: ResponseType<'TickerUpdateResponse'> =
  define('TickerUpdateResponse', TickerUpdateResponseSchema, [updateDraft])

/** The most recent trades: `response.trades`. */
export type TradesSnapshotResponse = Precise<
  v.InferOutput<typeof TradesSnapshotResponseSchema>
>
/** The most recent trades. Use it as a trigger key. */
export const TradesSnapshotResponse: ResponseType<'TradesSnapshotResponse'> =
  define('TradesSnapshotResponse', TradesSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** New trades: `response.trades`. */
export type TradesUpdateResponse = Precise<
  v.InferOutput<typeof TradesUpdateResponseSchema>
>
/** New trades. Use it as a trigger key. */
export const TradesUpdateResponse: ResponseType<'TradesUpdateResponse'> =
  define('TradesUpdateResponse', TradesUpdateResponseSchema, [updateDraft])

/** Recent candles: `response.candles`. */
export type OHLCSnapshotResponse = Precise<
  v.InferOutput<typeof OHLCSnapshotResponseSchema>
>
/** Recent candles. Use it as a trigger key. */
export const OHLCSnapshotResponse: ResponseType<'OHLCSnapshotResponse'> =
  define('OHLCSnapshotResponse', OHLCSnapshotResponseSchema, [snapshotDraft])

/** Candle updates: `response.candles`. */
export type OHLCUpdateResponse = Precise<
  v.InferOutput<typeof OHLCUpdateResponseSchema>
>
/** Candle updates. Use it as a trigger key. */
export const OHLCUpdateResponse: ResponseType<'OHLCUpdateResponse'> = define(
  'OHLCUpdateResponse',
  OHLCUpdateResponseSchema,
  [updateDraft],
)

/** Reference data: `response.assets`, `response.pairs`. */
export type InstrumentsSnapshotResponse = Precise<
  v.InferOutput<typeof InstrumentsSnapshotResponseSchema>
>
/** Every asset and pair. Use it as a trigger key. */
export const InstrumentsSnapshotResponse: ResponseType<'InstrumentsSnapshotResponse'> =
  define('InstrumentsSnapshotResponse', InstrumentsSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** Changed reference data: `response.assets`, `response.pairs`. */
export type InstrumentsUpdateResponse = Precise<
  v.InferOutput<typeof InstrumentsUpdateResponseSchema>
>
/** Changed assets and pairs. Use it as a trigger key. */
export const InstrumentsUpdateResponse: ResponseType<'InstrumentsUpdateResponse'> =
  define('InstrumentsUpdateResponse', InstrumentsUpdateResponseSchema, [
    updateDraft,
  ])

/** A level3 snapshot for one symbol. */
export type OrderSnapshotResponse = Precise<
  v.InferOutput<typeof OrderSnapshotResponseSchema>
>
/** A level3 snapshot for one symbol. Use it as a trigger key. */
export const OrderSnapshotResponse: ResponseType<'OrderSnapshotResponse'> =
  define('OrderSnapshotResponse', OrderSnapshotResponseSchema, [snapshotDraft])

/** A level3 update for one symbol. */
export type OrderUpdateResponse = Precise<
  v.InferOutput<typeof OrderUpdateResponseSchema>
>
/** A level3 update for one symbol. Use it as a trigger key. */
export const OrderUpdateResponse: ResponseType<'OrderUpdateResponse'> = define(
  'OrderUpdateResponse',
  OrderUpdateResponseSchema,
  [updateDraft],
)

/** Open orders and recent fills: `response.executions`. */
export type ExecutionsSnapshotResponse = Precise<
  v.InferOutput<typeof ExecutionsSnapshotResponseSchema>
>
/** Open orders and recent fills. Use it as a trigger key. */
export const ExecutionsSnapshotResponse: ResponseType<'ExecutionsSnapshotResponse'> =
  define('ExecutionsSnapshotResponse', ExecutionsSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** Order events: `response.executions`. */
export type ExecutionsUpdateResponse = Precise<
  v.InferOutput<typeof ExecutionsUpdateResponseSchema>
>
/** Order events and fills. Use it as a trigger key. */
export const ExecutionsUpdateResponse: ResponseType<'ExecutionsUpdateResponse'> =
  define('ExecutionsUpdateResponse', ExecutionsUpdateResponseSchema, [
    updateDraft,
  ])

/** Every balance: `response.balances`. */
export type BalancesSnapshotResponse = Precise<
  v.InferOutput<typeof BalancesSnapshotResponseSchema>
>
/** Every balance. Use it as a trigger key. */
export const BalancesSnapshotResponse: ResponseType<'BalancesSnapshotResponse'> =
  define('BalancesSnapshotResponse', BalancesSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** Ledger transactions: `response.balances`. */
export type BalancesUpdateResponse = Precise<
  v.InferOutput<typeof BalancesUpdateResponseSchema>
>
/** Ledger transactions. Use it as a trigger key. */
export const BalancesUpdateResponse: ResponseType<'BalancesUpdateResponse'> =
  define('BalancesUpdateResponse', BalancesUpdateResponseSchema, [updateDraft])

/** A subscribe acknowledgement (`success: false` with `error` on failure). */
export type SubscriptionResponse = Precise<
  v.InferOutput<typeof SubscriptionResponseSchema>
>
/** A subscribe acknowledgement. Use it as a trigger key. */
export const SubscriptionResponse: ResponseType<'SubscriptionResponse'> =
  define('SubscriptionResponse', SubscriptionResponseSchema, [])

/** An unsubscribe acknowledgement. */
export type UnsubscribeResponse = Precise<
  v.InferOutput<typeof UnsubscribeResponseSchema>
>
/** An unsubscribe acknowledgement. Use it as a trigger key. */
export const UnsubscribeResponse: ResponseType<'UnsubscribeResponse'> = define(
  'UnsubscribeResponse',
  UnsubscribeResponseSchema,
  [],
)

/** An `add_order` response. */
export type AddOrderResponse = Precise<
  v.InferOutput<typeof AddOrderResponseSchema>
>
/** An `add_order` response. Use it as a trigger key. */
export const AddOrderResponse: ResponseType<'AddOrderResponse'> = define(
  'AddOrderResponse',
  AddOrderResponseSchema,
  [tradingDraft],
)

/** An `amend_order` response. */
export type AmendOrderResponse = Precise<
  v.InferOutput<typeof AmendOrderResponseSchema>
>
/** An `amend_order` response. Use it as a trigger key. */
export const AmendOrderResponse: ResponseType<'AmendOrderResponse'> = define(
  'AmendOrderResponse',
  AmendOrderResponseSchema,
  [tradingDraft],
)

/** An `edit_order` response. */
export type EditOrderResponse = Precise<
  v.InferOutput<typeof EditOrderResponseSchema>
>
/** An `edit_order` response. Use it as a trigger key. */
export const EditOrderResponse: ResponseType<'EditOrderResponse'> = define(
  'EditOrderResponse',
  EditOrderResponseSchema,
  [tradingDraft],
)

/** A `cancel_order` response for one order. */
export type CancelOrderResponse = Precise<
  v.InferOutput<typeof CancelOrderResponseSchema>
>
/** A `cancel_order` response. Use it as a trigger key. */
export const CancelOrderResponse: ResponseType<'CancelOrderResponse'> = define(
  'CancelOrderResponse',
  CancelOrderResponseSchema,
  [tradingDraft],
)

/** A `cancel_all` response. */
export type CancelAllResponse = Precise<
  v.InferOutput<typeof CancelAllResponseSchema>
>
/** A `cancel_all` response. Use it as a trigger key. */
export const CancelAllResponse: ResponseType<'CancelAllResponse'> = define(
  'CancelAllResponse',
  CancelAllResponseSchema,
  [tradingDraft],
)

/** A `cancel_all_orders_after` response. */
export type CancelAllOrdersAfterResponse = Precise<
  v.InferOutput<typeof CancelAllOrdersAfterResponseSchema>
>
/** A `cancel_all_orders_after` response. Use it as a trigger key. */
export const CancelAllOrdersAfterResponse: ResponseType<'CancelAllOrdersAfterResponse'> =
  define('CancelAllOrdersAfterResponse', CancelAllOrdersAfterResponseSchema, [
    tradingDraft,
  ])

/** A `batch_add` response. */
export type BatchAddResponse = Precise<
  v.InferOutput<typeof BatchAddResponseSchema>
>
/** A `batch_add` response. Use it as a trigger key. */
export const BatchAddResponse: ResponseType<'BatchAddResponse'> = define(
  'BatchAddResponse',
  BatchAddResponseSchema,
  [tradingDraft],
)

/** A `batch_cancel` response: `result.count` or `orders_cancelled`. */
export type BatchCancelResponse = Precise<
  v.InferOutput<typeof BatchCancelResponseSchema>
>
/** A `batch_cancel` response. Use it as a trigger key. */
export const BatchCancelResponse: ResponseType<'BatchCancelResponse'> = define(
  'BatchCancelResponse',
  BatchCancelResponseSchema,
  [tradingDraft],
)

for (const family of familyDrafts) {
  Object.freeze(family.members)
  Object.freeze(family)
}

/** Every response type. */
export const Response = responseDraft as ResponseFamily<
  'Response',
  ResponseName
>
/** Every response type: an alias of {@link Response}, which shadows the global `Response`. */
export const AnyResponse = Response
/** Every snapshot response type. */
export const SnapshotResponse = snapshotDraft as ResponseFamily<
  'SnapshotResponse',
  | 'BookSnapshotResponse'
  | 'TickerSnapshotResponse'
  | 'TradesSnapshotResponse'
  | 'OHLCSnapshotResponse'
  | 'InstrumentsSnapshotResponse'
  | 'OrderSnapshotResponse'
  | 'ExecutionsSnapshotResponse'
  | 'BalancesSnapshotResponse'
>
/** Every update response type. */
export const UpdateResponse = updateDraft as ResponseFamily<
  'UpdateResponse',
  | 'BookUpdateResponse'
  | 'TickerUpdateResponse'
  | 'TradesUpdateResponse'
  | 'OHLCUpdateResponse'
  | 'InstrumentsUpdateResponse'
  | 'OrderUpdateResponse'
  | 'ExecutionsUpdateResponse'
  | 'BalancesUpdateResponse'
>
/** The eight trading responses. */
export const TradingResponse = tradingDraft as ResponseFamily<
  'TradingResponse',
  | 'AddOrderResponse'
  | 'AmendOrderResponse'
  | 'EditOrderResponse'
  | 'CancelOrderResponse'
  | 'CancelAllResponse'
  | 'CancelAllOrdersAfterResponse'
  | 'BatchAddResponse'
  | 'BatchCancelResponse'
>

/** Any decoded response value. */
export type Response = ResponseValue<typeof Response>
/** Any decoded response value (alias of {@link Response}). */
export type AnyResponse = Response
/** Any snapshot value. */
export type SnapshotResponse = ResponseValue<typeof SnapshotResponse>
/** Any update value. */
export type UpdateResponse = ResponseValue<typeof UpdateResponse>
/** Any trading response value. */
export type TradingResponse = ResponseValue<typeof TradingResponse>

/** Every response type, in a fixed order. */
export const responseTypes: readonly ResponseType[] = Response.members
