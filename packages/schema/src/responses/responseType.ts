import type * as v from 'valibot'
import type {
  AddOrderResponse,
  AmendOrderResponse,
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
  BatchAddResponse,
  BatchCancelResponse,
  BookSnapshotResponse,
  BookUpdateResponse,
  CancelAllOrdersAfterResponse,
  CancelAllResponse,
  CancelOrderResponse,
  EditOrderResponse,
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
  HeartbeatResponse,
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
  OHLCSnapshotResponse,
  OHLCUpdateResponse,
  OrderSnapshotResponse,
  OrderUpdateResponse,
  PingResponse,
  StatusResponse,
  SubscriptionResponse,
  TickerSnapshotResponse,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesUpdateResponse,
  UnsubscribeResponse,
} from './responseTypes.js'

/** Every response type name, each mapped to the value a trigger receives. */
export interface ResponseValueMap {
  HeartbeatResponse: HeartbeatResponse
  PingResponse: PingResponse
  StatusResponse: StatusResponse
  BookSnapshotResponse: BookSnapshotResponse
  BookUpdateResponse: BookUpdateResponse
  TickerSnapshotResponse: TickerSnapshotResponse
  TickerUpdateResponse: TickerUpdateResponse
  TradesSnapshotResponse: TradesSnapshotResponse
  TradesUpdateResponse: TradesUpdateResponse
  OHLCSnapshotResponse: OHLCSnapshotResponse
  OHLCUpdateResponse: OHLCUpdateResponse
  InstrumentsSnapshotResponse: InstrumentsSnapshotResponse
  InstrumentsUpdateResponse: InstrumentsUpdateResponse
  OrderSnapshotResponse: OrderSnapshotResponse
  OrderUpdateResponse: OrderUpdateResponse
  ExecutionsSnapshotResponse: ExecutionsSnapshotResponse
  ExecutionsUpdateResponse: ExecutionsUpdateResponse
  BalancesSnapshotResponse: BalancesSnapshotResponse
  BalancesUpdateResponse: BalancesUpdateResponse
  SubscriptionResponse: SubscriptionResponse
  UnsubscribeResponse: UnsubscribeResponse
  AddOrderResponse: AddOrderResponse
  AmendOrderResponse: AmendOrderResponse
  EditOrderResponse: EditOrderResponse
  CancelOrderResponse: CancelOrderResponse
  CancelAllResponse: CancelAllResponse
  CancelAllOrdersAfterResponse: CancelAllOrdersAfterResponse
  BatchAddResponse: BatchAddResponse
  BatchCancelResponse: BatchCancelResponse
}

/** The name of a response type, e.g. `'TickerUpdateResponse'`. */
export type ResponseName = keyof ResponseValueMap

/**
 * A response type: a frozen value usable as a trigger key or a `Map` key.
 * `schema` validates its decoded value.
 */
export interface ResponseType<TName extends ResponseName = ResponseName> {
  readonly kind: 'response'
  readonly name: TName
  /** The families this type belongs to. */
  readonly families: readonly ResponseFamily[]
  /** Validates a decoded value of this type. */
  readonly schema: v.GenericSchema<unknown, ResponseValueMap[TName]>
}

/** A family of response types, matching each of its members. */
export interface ResponseFamily<
  TName extends string = string,
  TMember extends ResponseName = ResponseName,
> {
  readonly kind: 'family'
  readonly name: TName
  readonly members: readonly ResponseType<TMember>[]
}

/** The value type of a response type or family: `ResponseValue<typeof X>`. */
export type ResponseValue<TKey> =
  TKey extends ResponseType<infer TName>
    ? ResponseValueMap[TName]
    : TKey extends ResponseFamily<string, infer TMember>
      ? ResponseValueMap[TMember]
      : never
