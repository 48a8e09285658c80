import type {
  BalancesSubscriptionRequest,
  BalancesUnsubscribeRequest,
} from './channels/balances.js'
import type {
  BookSubscriptionRequest,
  BookUnsubscribeRequest,
} from './channels/book.js'
import type {
  ExecutionSubscriptionRequest,
  ExecutionUnsubscribeRequest,
} from './channels/executions.js'
import type {
  InstrumentsSubscriptionRequest,
  InstrumentsUnsubscribeRequest,
} from './channels/instrument.js'
import type {
  OrdersSubscriptionRequest,
  OrdersUnsubscribeRequest,
} from './channels/level3.js'
import type {
  OHLCSubscriptionRequest,
  OHLCUnsubscribeRequest,
} from './channels/ohlc.js'
import type {
  TickerSubscriptionRequest,
  TickerUnsubscribeRequest,
} from './channels/ticker.js'
import type {
  TradesSubscriptionRequest,
  TradesUnsubscribeRequest,
} from './channels/trade.js'
import type { AddOrderRequest } from './methods/addOrder.js'
import type { AmendOrderRequest } from './methods/amendOrder.js'
import type { BatchAddRequest } from './methods/batchAdd.js'
import type { BatchCancelRequest } from './methods/batchCancel.js'
import type { CancelAllRequest } from './methods/cancelAll.js'
import type { CancelAllOrdersAfterRequest } from './methods/cancelAllOrdersAfter.js'
import type { CancelOrderRequest } from './methods/cancelOrder.js'
import type { EditOrderRequest } from './methods/editOrder.js'
import type { PingRequest } from './methods/ping.js'

/** Any `subscribe` request a builder makes, discriminated by `params.channel`. */
export type SubscriptionRequest =
  | TickerSubscriptionRequest
  | BookSubscriptionRequest
  | TradesSubscriptionRequest
  | OHLCSubscriptionRequest
  | InstrumentsSubscriptionRequest
  | OrdersSubscriptionRequest
  | BalancesSubscriptionRequest
  | ExecutionSubscriptionRequest

/** Any `unsubscribe` request a builder makes, discriminated by `params.channel`. */
export type UnsubscribeRequest =
  | TickerUnsubscribeRequest
  | BookUnsubscribeRequest
  | TradesUnsubscribeRequest
  | OHLCUnsubscribeRequest
  | InstrumentsUnsubscribeRequest
  | OrdersUnsubscribeRequest
  | BalancesUnsubscribeRequest
  | ExecutionUnsubscribeRequest

/** Any trading request (private; answered with one typed ack, or several). */
export type TradingRequest =
  | AddOrderRequest
  | AmendOrderRequest
  | EditOrderRequest
  | CancelOrderRequest
  | CancelAllRequest
  | CancelAllOrdersAfterRequest
  | BatchAddRequest
  | BatchCancelRequest

/** Any request a builder makes: what {@link stringifyRequest} writes. */
export type RequestMessage =
  | SubscriptionRequest
  | UnsubscribeRequest
  | TradingRequest
  | PingRequest

/** The subscribable channel names. */
export type SubscriptionChannel = SubscriptionRequest['params']['channel']
