import type {
  AddOrderResponse,
  AmendOrderResponse,
  BatchAddResponse,
  BatchCancelResponse,
  CancelAllOrdersAfterResponse,
  CancelAllResponse,
  CancelOrderResponse,
  EditOrderResponse,
  TradingRequest,
} from '@kraken-sockets/schema'
import type { OrderHandle } from './orderHandle.js'

/** The acknowledgement type of each trading method. */
export interface TradingResponseMap {
  add_order: AddOrderResponse
  amend_order: AmendOrderResponse
  edit_order: EditOrderResponse
  cancel_order: CancelOrderResponse
  cancel_all: CancelAllResponse
  cancel_all_orders_after: CancelAllOrdersAfterResponse
  batch_add: BatchAddResponse
  batch_cancel: BatchCancelResponse
}

/**
 * An ack as a resolved request sees it: Kraken said `success: true`, so its
 * `result` is present (schema types it optional because failure frames lack it).
 */
export type AcceptedAck<TAck extends { result?: unknown }> = TAck & {
  readonly success: true
  readonly result: NonNullable<TAck['result']>
}

/** What `kraken.request(request)` resolves with for a trading request. */
export type TradingResponseFor<TRequest extends TradingRequest> = AcceptedAck<
  TradingResponseMap[TRequest['method']]
>

/** Any trading ack, as decoded (and validated) once by the frame router. */
export type TradingAck = TradingResponseMap[keyof TradingResponseMap]

/** What `kraken.place(request)` resolves with: the accepted ack and the order's live handle. */
export type PlacedOrder = {
  readonly ack: AcceptedAck<AddOrderResponse>
  readonly order: OrderHandle
}
