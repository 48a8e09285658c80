import type * as v from 'valibot'
import {
  AddOrderResponseSchema,
  type AddOrderResponse as AddOrderResponseValue,
} from './addOrder.js'
import {
  AmendOrderResponseSchema,
  type AmendOrderResponse as AmendOrderResponseValue,
} from './amendOrder.js'
import {
  BalancesSnapshotResponseSchema,
  type BalancesSnapshotResponse as BalancesSnapshotResponseValue,
  BalancesUpdateResponseSchema,
  type BalancesUpdateResponse as BalancesUpdateResponseValue,
} from './balances.js'
import {
  BatchAddResponseSchema,
  type BatchAddResponse as BatchAddResponseValue,
} from './batchAdd.js'
import {
  BatchCancelResponseSchema,
  type BatchCancelResponse as BatchCancelResponseValue,
} from './batchCancel.js'
import {
  BookSnapshotResponseSchema,
  type BookSnapshotResponse as BookSnapshotResponseValue,
  BookUpdateResponseSchema,
  type BookUpdateResponse as BookUpdateResponseValue,
} from './book.js'
import {
  CancelAllResponseSchema,
  type CancelAllResponse as CancelAllResponseValue,
} from './cancelAll.js'
import {
  CancelAllOrdersAfterResponseSchema,
  type CancelAllOrdersAfterResponse as CancelAllOrdersAfterResponseValue,
} from './cancelAllOrdersAfter.js'
import {
  CancelOrderResponseSchema,
  type CancelOrderResponse as CancelOrderResponseValue,
} from './cancelOrder.js'
import {
  EditOrderResponseSchema,
  type EditOrderResponse as EditOrderResponseValue,
} from './editOrder.js'
import {
  ExecutionsSnapshotResponseSchema,
  type ExecutionsSnapshotResponse as ExecutionsSnapshotResponseValue,
  ExecutionsUpdateResponseSchema,
  type ExecutionsUpdateResponse as ExecutionsUpdateResponseValue,
} from './executions.js'
import {
  HeartbeatResponseSchema,
  type HeartbeatResponse as HeartbeatResponseValue,
} from './heartbeat.js'
import {
  InstrumentsSnapshotResponseSchema,
  type InstrumentsSnapshotResponse as InstrumentsSnapshotResponseValue,
  InstrumentsUpdateResponseSchema,
  type InstrumentsUpdateResponse as InstrumentsUpdateResponseValue,
} from './instrument.js'
import {
  OrderSnapshotResponseSchema,
  type OrderSnapshotResponse as OrderSnapshotResponseValue,
  OrderUpdateResponseSchema,
  type OrderUpdateResponse as OrderUpdateResponseValue,
} from './level3.js'
import {
  OHLCSnapshotResponseSchema,
  type OHLCSnapshotResponse as OHLCSnapshotResponseValue,
  OHLCUpdateResponseSchema,
  type OHLCUpdateResponse as OHLCUpdateResponseValue,
} from './ohlc.js'
import {
  PingResponseSchema,
  type PingResponse as PingResponseValue,
} from './ping.js'
import type {
  ResponseFamily,
  ResponseName,
  ResponseType,
  ResponseValue,
  ResponseValueMap,
} from './responseType.js'
import {
  StatusResponseSchema,
  type StatusResponse as StatusResponseValue,
} from './status.js'
import {
  SubscriptionResponseSchema,
  type SubscriptionResponse as SubscriptionResponseValue,
} from './subscribe.js'
import {
  TickerSnapshotResponseSchema,
  type TickerSnapshotResponse as TickerSnapshotResponseValue,
  TickerUpdateResponseSchema,
  type TickerUpdateResponse as TickerUpdateResponseValue,
} from './ticker.js'
import {
  TradesSnapshotResponseSchema,
  type TradesSnapshotResponse as TradesSnapshotResponseValue,
  TradesUpdateResponseSchema,
  type TradesUpdateResponse as TradesUpdateResponseValue,
} from './trade.js'
import {
  UnsubscribeResponseSchema,
  type UnsubscribeResponse as UnsubscribeResponseValue,
} from './unsubscribe.js'

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

/** A heartbeat. */
export type HeartbeatResponse = HeartbeatResponseValue
/** A heartbeat. Use it as a trigger key. */
export const HeartbeatResponse: ResponseType<'HeartbeatResponse'> = define(
  'HeartbeatResponse',
  HeartbeatResponseSchema,
  [],
)

/** A `pong` (or a rejected `ping`). */
export type PingResponse = PingResponseValue
/** A `pong` (or a rejected `ping`). Use it as a trigger key. */
export const PingResponse: ResponseType<'PingResponse'> = define(
  'PingResponse',
  PingResponseSchema,
  [],
)

/** The trading engine status. */
export type StatusResponse = StatusResponseValue
/** The trading engine status. Use it as a trigger key. */
export const StatusResponse: ResponseType<'StatusResponse'> = define(
  'StatusResponse',
  StatusResponseSchema,
  [],
)

/** An L2 book snapshot for one symbol. */
export type BookSnapshotResponse = BookSnapshotResponseValue
/** An L2 book snapshot for one symbol. Use it as a trigger key. */
export const BookSnapshotResponse: ResponseType<'BookSnapshotResponse'> =
  define('BookSnapshotResponse', BookSnapshotResponseSchema, [snapshotDraft])

/** An L2 book update for one symbol. */
export type BookUpdateResponse = BookUpdateResponseValue
/** An L2 book update for one symbol. Use it as a trigger key. */
export const BookUpdateResponse: ResponseType<'BookUpdateResponse'> = define(
  'BookUpdateResponse',
  BookUpdateResponseSchema,
  [updateDraft],
)

/** A ticker snapshot for one symbol. */
export type TickerSnapshotResponse = TickerSnapshotResponseValue
/** A ticker snapshot for one symbol. Use it as a trigger key. */
export const TickerSnapshotResponse: ResponseType<'TickerSnapshotResponse'> =
  define('TickerSnapshotResponse', TickerSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** A ticker update for one symbol. */
export type TickerUpdateResponse = TickerUpdateResponseValue
/** A ticker update for one symbol. Use it as a trigger key. */
export const TickerUpdateResponse: ResponseType<'TickerUpdateResponse'> =
  define('TickerUpdateResponse', TickerUpdateResponseSchema, [updateDraft])

/** The most recent trades. */
export type TradesSnapshotResponse = TradesSnapshotResponseValue
/** The most recent trades. Use it as a trigger key. */
export const TradesSnapshotResponse: ResponseType<'TradesSnapshotResponse'> =
  define('TradesSnapshotResponse', TradesSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** New trades. */
export type TradesUpdateResponse = TradesUpdateResponseValue
/** New trades. Use it as a trigger key. */
export const TradesUpdateResponse: ResponseType<'TradesUpdateResponse'> =
  define('TradesUpdateResponse', TradesUpdateResponseSchema, [updateDraft])

/** Recent candles. */
export type OHLCSnapshotResponse = OHLCSnapshotResponseValue
/** Recent candles. Use it as a trigger key. */
export const OHLCSnapshotResponse: ResponseType<'OHLCSnapshotResponse'> =
  define('OHLCSnapshotResponse', OHLCSnapshotResponseSchema, [snapshotDraft])

/** Candle updates. */
export type OHLCUpdateResponse = OHLCUpdateResponseValue
/** Candle updates. Use it as a trigger key. */
export const OHLCUpdateResponse: ResponseType<'OHLCUpdateResponse'> = define(
  'OHLCUpdateResponse',
  OHLCUpdateResponseSchema,
  [updateDraft],
)

/** Every asset and pair. */
export type InstrumentsSnapshotResponse = InstrumentsSnapshotResponseValue
/** Every asset and pair. Use it as a trigger key. */
export const InstrumentsSnapshotResponse: ResponseType<'InstrumentsSnapshotResponse'> =
  define('InstrumentsSnapshotResponse', InstrumentsSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** Changed assets and pairs. */
export type InstrumentsUpdateResponse = InstrumentsUpdateResponseValue
/** Changed assets and pairs. Use it as a trigger key. */
export const InstrumentsUpdateResponse: ResponseType<'InstrumentsUpdateResponse'> =
  define('InstrumentsUpdateResponse', InstrumentsUpdateResponseSchema, [
    updateDraft,
  ])

/** A level3 snapshot for one symbol. */
export type OrderSnapshotResponse = OrderSnapshotResponseValue
/** A level3 snapshot for one symbol. Use it as a trigger key. */
export const OrderSnapshotResponse: ResponseType<'OrderSnapshotResponse'> =
  define('OrderSnapshotResponse', OrderSnapshotResponseSchema, [snapshotDraft])

/** A level3 update for one symbol. */
export type OrderUpdateResponse = OrderUpdateResponseValue
/** A level3 update for one symbol. Use it as a trigger key. */
export const OrderUpdateResponse: ResponseType<'OrderUpdateResponse'> = define(
  'OrderUpdateResponse',
  OrderUpdateResponseSchema,
  [updateDraft],
)

/** Open orders and recent fills. */
export type ExecutionsSnapshotResponse = ExecutionsSnapshotResponseValue
/** Open orders and recent fills. Use it as a trigger key. */
export const ExecutionsSnapshotResponse: ResponseType<'ExecutionsSnapshotResponse'> =
  define('ExecutionsSnapshotResponse', ExecutionsSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** Order events and fills. */
export type ExecutionsUpdateResponse = ExecutionsUpdateResponseValue
/** Order events and fills. Use it as a trigger key. */
export const ExecutionsUpdateResponse: ResponseType<'ExecutionsUpdateResponse'> =
  define('ExecutionsUpdateResponse', ExecutionsUpdateResponseSchema, [
    updateDraft,
  ])

/** Every balance. */
export type BalancesSnapshotResponse = BalancesSnapshotResponseValue
/** Every balance. Use it as a trigger key. */
export const BalancesSnapshotResponse: ResponseType<'BalancesSnapshotResponse'> =
  define('BalancesSnapshotResponse', BalancesSnapshotResponseSchema, [
    snapshotDraft,
  ])

/** Ledger transactions. */
export type BalancesUpdateResponse = BalancesUpdateResponseValue
/** Ledger transactions. Use it as a trigger key. */
export const BalancesUpdateResponse: ResponseType<'BalancesUpdateResponse'> =
  define('BalancesUpdateResponse', BalancesUpdateResponseSchema, [updateDraft])

/** A subscribe acknowledgement. */
export type SubscriptionResponse = SubscriptionResponseValue
/** A subscribe acknowledgement. Use it as a trigger key. */
export const SubscriptionResponse: ResponseType<'SubscriptionResponse'> =
  define('SubscriptionResponse', SubscriptionResponseSchema, [])

/** An unsubscribe acknowledgement. */
export type UnsubscribeResponse = UnsubscribeResponseValue
/** An unsubscribe acknowledgement. Use it as a trigger key. */
export const UnsubscribeResponse: ResponseType<'UnsubscribeResponse'> = define(
  'UnsubscribeResponse',
  UnsubscribeResponseSchema,
  [],
)

/** An `add_order` response. */
export type AddOrderResponse = AddOrderResponseValue
/** An `add_order` response. Use it as a trigger key. */
export const AddOrderResponse: ResponseType<'AddOrderResponse'> = define(
  'AddOrderResponse',
  AddOrderResponseSchema,
  [tradingDraft],
)

/** An `amend_order` response. */
export type AmendOrderResponse = AmendOrderResponseValue
/** An `amend_order` response. Use it as a trigger key. */
export const AmendOrderResponse: ResponseType<'AmendOrderResponse'> = define(
  'AmendOrderResponse',
  AmendOrderResponseSchema,
  [tradingDraft],
)

/** An `edit_order` response. */
export type EditOrderResponse = EditOrderResponseValue
/** An `edit_order` response. Use it as a trigger key. */
export const EditOrderResponse: ResponseType<'EditOrderResponse'> = define(
  'EditOrderResponse',
  EditOrderResponseSchema,
  [tradingDraft],
)

/** A `cancel_order` response. */
export type CancelOrderResponse = CancelOrderResponseValue
/** A `cancel_order` response. Use it as a trigger key. */
export const CancelOrderResponse: ResponseType<'CancelOrderResponse'> = define(
  'CancelOrderResponse',
  CancelOrderResponseSchema,
  [tradingDraft],
)

/** A `cancel_all` response. */
export type CancelAllResponse = CancelAllResponseValue
/** A `cancel_all` response. Use it as a trigger key. */
export const CancelAllResponse: ResponseType<'CancelAllResponse'> = define(
  'CancelAllResponse',
  CancelAllResponseSchema,
  [tradingDraft],
)

/** A `cancel_all_orders_after` response. */
export type CancelAllOrdersAfterResponse = CancelAllOrdersAfterResponseValue
/** A `cancel_all_orders_after` response. Use it as a trigger key. */
export const CancelAllOrdersAfterResponse: ResponseType<'CancelAllOrdersAfterResponse'> =
  define('CancelAllOrdersAfterResponse', CancelAllOrdersAfterResponseSchema, [
    tradingDraft,
  ])

/** A `batch_add` response. */
export type BatchAddResponse = BatchAddResponseValue
/** A `batch_add` response. Use it as a trigger key. */
export const BatchAddResponse: ResponseType<'BatchAddResponse'> = define(
  'BatchAddResponse',
  BatchAddResponseSchema,
  [tradingDraft],
)

/** A `batch_cancel` response. */
export type BatchCancelResponse = BatchCancelResponseValue
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
