import type * as v from 'valibot'
import type { AddOrderResponse as AddOrderResponseValue } from './addOrder.js'
import type { AmendOrderResponse as AmendOrderResponseValue } from './amendOrder.js'
import type {
  BalancesSnapshotResponse as BalancesSnapshotResponseValue,
  BalancesUpdateResponse as BalancesUpdateResponseValue,
} from './balances.js'
import type { BatchAddResponse as BatchAddResponseValue } from './batchAdd.js'
import type { BatchCancelResponse as BatchCancelResponseValue } from './batchCancel.js'
import type {
  BookSnapshotResponse as BookSnapshotResponseValue,
  BookUpdateResponse as BookUpdateResponseValue,
} from './book.js'
import type { CancelAllResponse as CancelAllResponseValue } from './cancelAll.js'
import type { CancelAllOrdersAfterResponse as CancelAllOrdersAfterResponseValue } from './cancelAllOrdersAfter.js'
import type { CancelOrderResponse as CancelOrderResponseValue } from './cancelOrder.js'
import type { EditOrderResponse as EditOrderResponseValue } from './editOrder.js'
import type {
  ExecutionsSnapshotResponse as ExecutionsSnapshotResponseValue,
  ExecutionsUpdateResponse as ExecutionsUpdateResponseValue,
} from './executions.js'
import type { HeartbeatResponse as HeartbeatResponseValue } from './heartbeat.js'
import type {
  InstrumentsSnapshotResponse as InstrumentsSnapshotResponseValue,
  InstrumentsUpdateResponse as InstrumentsUpdateResponseValue,
} from './instrument.js'
import type {
  OrderSnapshotResponse as OrderSnapshotResponseValue,
  OrderUpdateResponse as OrderUpdateResponseValue,
} from './level3.js'
import type {
  OHLCSnapshotResponse as OHLCSnapshotResponseValue,
  OHLCUpdateResponse as OHLCUpdateResponseValue,
} from './ohlc.js'
import type { PingResponse as PingResponseValue } from './ping.js'
import type { StatusResponse as StatusResponseValue } from './status.js'
import type { SubscriptionResponse as SubscriptionResponseValue } from './subscribe.js'
import type {
  TickerSnapshotResponse as TickerSnapshotResponseValue,
  TickerUpdateResponse as TickerUpdateResponseValue,
} from './ticker.js'
import type {
  TradesSnapshotResponse as TradesSnapshotResponseValue,
  TradesUpdateResponse as TradesUpdateResponseValue,
} from './trade.js'
import type { UnsubscribeResponse as UnsubscribeResponseValue } from './unsubscribe.js'

/** Every response type name, each mapped to the value a trigger receives. */
export interface ResponseValueMap {
  HeartbeatResponse: HeartbeatResponseValue
  PingResponse: PingResponseValue
  StatusResponse: StatusResponseValue
  BookSnapshotResponse: BookSnapshotResponseValue
  BookUpdateResponse: BookUpdateResponseValue
  TickerSnapshotResponse: TickerSnapshotResponseValue
  TickerUpdateResponse: TickerUpdateResponseValue
  TradesSnapshotResponse: TradesSnapshotResponseValue
  TradesUpdateResponse: TradesUpdateResponseValue
  OHLCSnapshotResponse: OHLCSnapshotResponseValue
  OHLCUpdateResponse: OHLCUpdateResponseValue
  InstrumentsSnapshotResponse: InstrumentsSnapshotResponseValue
  InstrumentsUpdateResponse: InstrumentsUpdateResponseValue
  OrderSnapshotResponse: OrderSnapshotResponseValue
  OrderUpdateResponse: OrderUpdateResponseValue
  ExecutionsSnapshotResponse: ExecutionsSnapshotResponseValue
  ExecutionsUpdateResponse: ExecutionsUpdateResponseValue
  BalancesSnapshotResponse: BalancesSnapshotResponseValue
  BalancesUpdateResponse: BalancesUpdateResponseValue
  SubscriptionResponse: SubscriptionResponseValue
  UnsubscribeResponse: UnsubscribeResponseValue
  AddOrderResponse: AddOrderResponseValue
  AmendOrderResponse: AmendOrderResponseValue
  EditOrderResponse: EditOrderResponseValue
  CancelOrderResponse: CancelOrderResponseValue
  CancelAllResponse: CancelAllResponseValue
  CancelAllOrdersAfterResponse: CancelAllOrdersAfterResponseValue
  BatchAddResponse: BatchAddResponseValue
  BatchCancelResponse: BatchCancelResponseValue
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
