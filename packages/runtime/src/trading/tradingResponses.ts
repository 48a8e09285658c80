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

/** What `kraken.request(request)` resolves with for a trading request. */
export type TradingResponseFor<TRequest extends TradingRequest> =
  TradingResponseMap[TRequest['method']]

/** Any trading ack, as decoded (and validated) once by the frame router. */
export type TradingAck = TradingResponseMap[keyof TradingResponseMap]
