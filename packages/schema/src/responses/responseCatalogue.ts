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

/**
 * The one list of Kraken's response types: each name with its schema and the
 * family it belongs to besides `Response` (if any). The value map
 * (`ResponseValueMap`), the family member lists and `responseTypes` (in this
 * order) are all derived from it, so a new response is added here only.
 *
 * @internal
 */
export const responseCatalogue = {
  HeartbeatResponse: { schema: HeartbeatResponseSchema },
  PingResponse: { schema: PingResponseSchema },
  StatusResponse: { schema: StatusResponseSchema },
  BookSnapshotResponse: {
    schema: BookSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  BookUpdateResponse: {
    schema: BookUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  TickerSnapshotResponse: {
    schema: TickerSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  TickerUpdateResponse: {
    schema: TickerUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  TradesSnapshotResponse: {
    schema: TradesSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  TradesUpdateResponse: {
    schema: TradesUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  OHLCSnapshotResponse: {
    schema: OHLCSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  OHLCUpdateResponse: {
    schema: OHLCUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  InstrumentsSnapshotResponse: {
    schema: InstrumentsSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  InstrumentsUpdateResponse: {
    schema: InstrumentsUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  OrderSnapshotResponse: {
    schema: OrderSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  OrderUpdateResponse: {
    schema: OrderUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  ExecutionsSnapshotResponse: {
    schema: ExecutionsSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  ExecutionsUpdateResponse: {
    schema: ExecutionsUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  BalancesSnapshotResponse: {
    schema: BalancesSnapshotResponseSchema,
    family: 'SnapshotResponse',
  },
  BalancesUpdateResponse: {
    schema: BalancesUpdateResponseSchema,
    family: 'UpdateResponse',
  },
  SubscriptionResponse: { schema: SubscriptionResponseSchema },
  UnsubscribeResponse: { schema: UnsubscribeResponseSchema },
  AddOrderResponse: {
    schema: AddOrderResponseSchema,
    family: 'TradingResponse',
  },
  AmendOrderResponse: {
    schema: AmendOrderResponseSchema,
    family: 'TradingResponse',
  },
  EditOrderResponse: {
    schema: EditOrderResponseSchema,
    family: 'TradingResponse',
  },
  CancelOrderResponse: {
    schema: CancelOrderResponseSchema,
    family: 'TradingResponse',
  },
  CancelAllResponse: {
    schema: CancelAllResponseSchema,
    family: 'TradingResponse',
  },
  CancelAllOrdersAfterResponse: {
    schema: CancelAllOrdersAfterResponseSchema,
    family: 'TradingResponse',
  },
  BatchAddResponse: {
    schema: BatchAddResponseSchema,
    family: 'TradingResponse',
  },
  BatchCancelResponse: {
    schema: BatchCancelResponseSchema,
    family: 'TradingResponse',
  },
} as const

/** The catalogue's shape. @internal */
export type ResponseCatalogue = typeof responseCatalogue

/** The families a catalogue row may name (every type is also a `Response`). @internal */
export type CatalogueFamily =
  | 'SnapshotResponse'
  | 'UpdateResponse'
  | 'TradingResponse'

/** The names of the catalogue rows of family `F`. @internal */
export type CatalogueMembers<F extends CatalogueFamily> = {
  [K in keyof ResponseCatalogue]: ResponseCatalogue[K] extends { family: F }
    ? K
    : never
}[keyof ResponseCatalogue]
