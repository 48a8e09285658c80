import type * as v from 'valibot'
import type { TradingMethod } from '../requests/tradingMethods.js'
import { type CatalogueFamily, responseCatalogue } from './responseCatalogue.js'
import type {
  ResponseFamily,
  ResponseName,
  ResponseType,
  ResponseValue,
  ResponseValueMap,
} from './responseType.js'

type MutableFamily = { kind: 'family'; name: string; members: ResponseType[] }

function draftFamily(name: string): MutableFamily {
  return { kind: 'family', name, members: [] }
}

// Types and families refer to each other, so both are built from the one
// catalogue unfrozen, then frozen together once every member is known.
const families: Record<'Response' | CatalogueFamily, MutableFamily> = {
  Response: draftFamily('Response'),
  SnapshotResponse: draftFamily('SnapshotResponse'),
  UpdateResponse: draftFamily('UpdateResponse'),
  TradingResponse: draftFamily('TradingResponse'),
}

const byName = new Map<string, ResponseType>()
for (const [name, row] of Object.entries(responseCatalogue)) {
  const own: MutableFamily[] =
    'family' in row
      ? [families.Response, families[row.family]]
      : [families.Response]
  const type = Object.freeze({
    kind: 'response',
    name: name as ResponseName,
    families: Object.freeze(own) as readonly ResponseFamily[],
    schema: row.schema as v.GenericSchema,
  }) as ResponseType
  for (const family of own) family.members.push(type)
  byName.set(name, type)
}
for (const family of Object.values(families)) {
  Object.freeze(family.members)
  Object.freeze(family)
}

function typeOf<const TName extends ResponseName>(
  name: TName,
): ResponseType<TName> {
  return byName.get(name) as ResponseType<TName>
}

/** A heartbeat. Use it as a trigger key. */
export const HeartbeatResponse: ResponseType<'HeartbeatResponse'> =
  typeOf('HeartbeatResponse')
/** A decoded `heartbeat` frame: `{ channel: 'heartbeat' }`. */
export type HeartbeatResponse = ResponseValueMap['HeartbeatResponse']

/** A `pong` (or a rejected `ping`). Use it as a trigger key. */
export const PingResponse: ResponseType<'PingResponse'> = typeOf('PingResponse')
/** A decoded `pong` (or a rejected `ping`). */
export type PingResponse = ResponseValueMap['PingResponse']

/** The trading engine status. Use it as a trigger key. */
export const StatusResponse: ResponseType<'StatusResponse'> =
  typeOf('StatusResponse')
/** The trading engine status, pushed on connect and on every change. */
export type StatusResponse = ResponseValueMap['StatusResponse']

/** An L2 book snapshot for one symbol. Use it as a trigger key. */
export const BookSnapshotResponse: ResponseType<'BookSnapshotResponse'> =
  typeOf('BookSnapshotResponse')
/** An L2 book snapshot for one symbol. */
export type BookSnapshotResponse = ResponseValueMap['BookSnapshotResponse']

/** An L2 book update for one symbol. Use it as a trigger key. */
export const BookUpdateResponse: ResponseType<'BookUpdateResponse'> =
  typeOf('BookUpdateResponse')
/** An L2 book update for one symbol. */
export type BookUpdateResponse = ResponseValueMap['BookUpdateResponse']

/** A ticker snapshot for one symbol. Use it as a trigger key. */
export const TickerSnapshotResponse: ResponseType<'TickerSnapshotResponse'> =
  typeOf('TickerSnapshotResponse')
/** A ticker snapshot for one symbol: `response.symbol`, `response.last`, ... */
export type TickerSnapshotResponse = ResponseValueMap['TickerSnapshotResponse']

/** A ticker update for one symbol. Use it as a trigger key. */
export const TickerUpdateResponse: ResponseType<'TickerUpdateResponse'> =
  typeOf('TickerUpdateResponse')
/** A ticker update for one symbol: `response.symbol`, `response.last`, ... */
export type TickerUpdateResponse = ResponseValueMap['TickerUpdateResponse']

/** The most recent trades. Use it as a trigger key. */
export const TradesSnapshotResponse: ResponseType<'TradesSnapshotResponse'> =
  typeOf('TradesSnapshotResponse')
/** The most recent trades: `response.trades`. */
export type TradesSnapshotResponse = ResponseValueMap['TradesSnapshotResponse']

/** New trades. Use it as a trigger key. */
export const TradesUpdateResponse: ResponseType<'TradesUpdateResponse'> =
  typeOf('TradesUpdateResponse')
/** New trades: `response.trades`. */
export type TradesUpdateResponse = ResponseValueMap['TradesUpdateResponse']

/** Recent candles. Use it as a trigger key. */
export const OHLCSnapshotResponse: ResponseType<'OHLCSnapshotResponse'> =
  typeOf('OHLCSnapshotResponse')
/** Recent candles: `response.candles`. */
export type OHLCSnapshotResponse = ResponseValueMap['OHLCSnapshotResponse']

/** Candle updates. Use it as a trigger key. */
export const OHLCUpdateResponse: ResponseType<'OHLCUpdateResponse'> =
  typeOf('OHLCUpdateResponse')
/** Candle updates: `response.candles`. */
export type OHLCUpdateResponse = ResponseValueMap['OHLCUpdateResponse']

/** Every asset and pair. Use it as a trigger key. */
export const InstrumentsSnapshotResponse: ResponseType<'InstrumentsSnapshotResponse'> =
  typeOf('InstrumentsSnapshotResponse')
/** Reference data: `response.assets`, `response.pairs`. */
export type InstrumentsSnapshotResponse =
  ResponseValueMap['InstrumentsSnapshotResponse']

/** Changed assets and pairs. Use it as a trigger key. */
export const InstrumentsUpdateResponse: ResponseType<'InstrumentsUpdateResponse'> =
  typeOf('InstrumentsUpdateResponse')
/** Changed reference data: `response.assets`, `response.pairs`. */
export type InstrumentsUpdateResponse =
  ResponseValueMap['InstrumentsUpdateResponse']

/** A level3 snapshot for one symbol. Use it as a trigger key. */
export const OrderSnapshotResponse: ResponseType<'OrderSnapshotResponse'> =
  typeOf('OrderSnapshotResponse')
/** A level3 snapshot for one symbol. */
export type OrderSnapshotResponse = ResponseValueMap['OrderSnapshotResponse']

/** A level3 update for one symbol. Use it as a trigger key. */
export const OrderUpdateResponse: ResponseType<'OrderUpdateResponse'> = typeOf(
  'OrderUpdateResponse',
)
/** A level3 update for one symbol. */
export type OrderUpdateResponse = ResponseValueMap['OrderUpdateResponse']

/** Open orders and recent fills. Use it as a trigger key. */
export const ExecutionsSnapshotResponse: ResponseType<'ExecutionsSnapshotResponse'> =
  typeOf('ExecutionsSnapshotResponse')
/** Open orders and recent fills: `response.executions`. */
export type ExecutionsSnapshotResponse =
  ResponseValueMap['ExecutionsSnapshotResponse']

/** Order events and fills. Use it as a trigger key. */
export const ExecutionsUpdateResponse: ResponseType<'ExecutionsUpdateResponse'> =
  typeOf('ExecutionsUpdateResponse')
/** Order events: `response.executions`. */
export type ExecutionsUpdateResponse =
  ResponseValueMap['ExecutionsUpdateResponse']

/** Every balance. Use it as a trigger key. */
export const BalancesSnapshotResponse: ResponseType<'BalancesSnapshotResponse'> =
  typeOf('BalancesSnapshotResponse')
/** Every balance: `response.balances`. */
export type BalancesSnapshotResponse =
  ResponseValueMap['BalancesSnapshotResponse']

/** Ledger transactions. Use it as a trigger key. */
export const BalancesUpdateResponse: ResponseType<'BalancesUpdateResponse'> =
  typeOf('BalancesUpdateResponse')
/** Ledger transactions: `response.balances`. */
export type BalancesUpdateResponse = ResponseValueMap['BalancesUpdateResponse']

/** A subscribe acknowledgement. Use it as a trigger key. */
export const SubscriptionResponse: ResponseType<'SubscriptionResponse'> =
  typeOf('SubscriptionResponse')
/** A subscribe acknowledgement (`success: false` with `error` on failure). */
export type SubscriptionResponse = ResponseValueMap['SubscriptionResponse']

/** An unsubscribe acknowledgement. Use it as a trigger key. */
export const UnsubscribeResponse: ResponseType<'UnsubscribeResponse'> = typeOf(
  'UnsubscribeResponse',
)
/** An unsubscribe acknowledgement. */
export type UnsubscribeResponse = ResponseValueMap['UnsubscribeResponse']

/** An `add_order` response. Use it as a trigger key. */
export const AddOrderResponse: ResponseType<'AddOrderResponse'> =
  typeOf('AddOrderResponse')
/** An `add_order` response. */
export type AddOrderResponse = ResponseValueMap['AddOrderResponse']

/** An `amend_order` response. Use it as a trigger key. */
export const AmendOrderResponse: ResponseType<'AmendOrderResponse'> =
  typeOf('AmendOrderResponse')
/** An `amend_order` response. */
export type AmendOrderResponse = ResponseValueMap['AmendOrderResponse']

/** An `edit_order` response. Use it as a trigger key. */
export const EditOrderResponse: ResponseType<'EditOrderResponse'> =
  typeOf('EditOrderResponse')
/** An `edit_order` response. */
export type EditOrderResponse = ResponseValueMap['EditOrderResponse']

/** A `cancel_order` response. Use it as a trigger key. */
export const CancelOrderResponse: ResponseType<'CancelOrderResponse'> = typeOf(
  'CancelOrderResponse',
)
/** A `cancel_order` response for one order. */
export type CancelOrderResponse = ResponseValueMap['CancelOrderResponse']

/** A `cancel_all` response. Use it as a trigger key. */
export const CancelAllResponse: ResponseType<'CancelAllResponse'> =
  typeOf('CancelAllResponse')
/** A `cancel_all` response. */
export type CancelAllResponse = ResponseValueMap['CancelAllResponse']

/** A `cancel_all_orders_after` response. Use it as a trigger key. */
export const CancelAllOrdersAfterResponse: ResponseType<'CancelAllOrdersAfterResponse'> =
  typeOf('CancelAllOrdersAfterResponse')
/** A `cancel_all_orders_after` response. */
export type CancelAllOrdersAfterResponse =
  ResponseValueMap['CancelAllOrdersAfterResponse']

/** A `batch_add` response. Use it as a trigger key. */
export const BatchAddResponse: ResponseType<'BatchAddResponse'> =
  typeOf('BatchAddResponse')
/** A `batch_add` response. */
export type BatchAddResponse = ResponseValueMap['BatchAddResponse']

/** A `batch_cancel` response. Use it as a trigger key. */
export const BatchCancelResponse: ResponseType<'BatchCancelResponse'> = typeOf(
  'BatchCancelResponse',
)
/** A `batch_cancel` response: `result.count` or `orders_cancelled`. */
export type BatchCancelResponse = ResponseValueMap['BatchCancelResponse']

/** Every response type. */
export const Response = families.Response as ResponseFamily<
  'Response',
  ResponseName
>
/** Every response type: an alias of {@link Response}, which shadows the global `Response`. */
export const AnyResponse = Response
// The family value types below read the members off the names and values
// (exported types only, for the docs); `responseCatalogue.test-d.ts` checks
// they are exactly the catalogue's family tags, which build the runtime lists.

/** Every snapshot response type. */
export const SnapshotResponse = families.SnapshotResponse as ResponseFamily<
  'SnapshotResponse',
  Extract<ResponseName, `${string}SnapshotResponse`>
>
/** Every update response type. */
export const UpdateResponse = families.UpdateResponse as ResponseFamily<
  'UpdateResponse',
  Extract<ResponseName, `${string}UpdateResponse`>
>
/** The eight trading responses. */
export const TradingResponse = families.TradingResponse as ResponseFamily<
  'TradingResponse',
  {
    [K in ResponseName]: ResponseValueMap[K] extends { method: TradingMethod }
      ? K
      : never
  }[ResponseName]
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
