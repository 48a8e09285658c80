// Responses

export { decodeMessage } from './decode/decodeMessage.js'
export { DecodeError } from './decode/errors.js'
export type {
  DecodedResponse,
  DecodeItemError,
  DecodeResult,
} from './decode/types.js'
export { AddOrderResponseSchema } from './responses/addOrder.js'
export { AmendOrderResponseSchema } from './responses/amendOrder.js'
export {
  type Balance,
  BalanceSchema,
  BalancesSnapshotResponseSchema,
  BalancesUpdateResponseSchema,
  type LedgerEntry,
  LedgerEntrySchema,
} from './responses/balances.js'
export { BatchAddResponseSchema } from './responses/batchAdd.js'
export { BatchCancelResponseSchema } from './responses/batchCancel.js'
export {
  type BookLevel,
  BookLevelSchema,
  BookSnapshotResponseSchema,
  BookUpdateResponseSchema,
} from './responses/book.js'
export { CancelAllResponseSchema } from './responses/cancelAll.js'
export { CancelAllOrdersAfterResponseSchema } from './responses/cancelAllOrdersAfter.js'
export { CancelOrderResponseSchema } from './responses/cancelOrder.js'
export { EditOrderResponseSchema } from './responses/editOrder.js'
export {
  type Execution,
  ExecutionSchema,
  ExecutionsSnapshotResponseSchema,
  ExecutionsUpdateResponseSchema,
  TriggersSchema,
} from './responses/executions.js'
export { HeartbeatResponseSchema } from './responses/heartbeat.js'
export {
  type Asset,
  AssetSchema,
  InstrumentsSnapshotResponseSchema,
  InstrumentsUpdateResponseSchema,
  PAIR_STATUSES,
  type Pair,
  PairSchema,
  type PairStatus,
} from './responses/instrument.js'
export {
  type L3Order,
  L3OrderSchema,
  OrderSnapshotResponseSchema,
  OrderUpdateResponseSchema,
} from './responses/level3.js'
export {
  type Candle,
  CandleSchema,
  OHLCSnapshotResponseSchema,
  OHLCUpdateResponseSchema,
} from './responses/ohlc.js'
export { PingResponseSchema } from './responses/ping.js'
export type {
  ResponseFamily,
  ResponseName,
  ResponseType,
  ResponseValue,
  ResponseValueMap,
} from './responses/responseType.js'
export {
  AddOrderResponse,
  AmendOrderResponse,
  AnyResponse,
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
  Response,
  responseTypes,
  SnapshotResponse,
  StatusResponse,
  SubscriptionResponse,
  TickerSnapshotResponse,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesUpdateResponse,
  TradingResponse,
  UnsubscribeResponse,
  UpdateResponse,
} from './responses/responseTypes.js'
export {
  type NamedKeys,
  NumberTextSchema,
  type Precise,
  type StreamType,
  TimestampSchema,
} from './responses/shared.js'
export {
  MaintenanceNoticeSchema,
  StatusResponseSchema,
  SYSTEM_STATUSES,
  type SystemStatus,
} from './responses/status.js'
export {
  SubscriptionResponseSchema,
  type SubscriptionResult,
  SubscriptionResultSchema,
} from './responses/subscribe.js'
export {
  TickerSnapshotResponseSchema,
  TickerUpdateResponseSchema,
} from './responses/ticker.js'
export {
  type Trade,
  TradeSchema,
  TradesSnapshotResponseSchema,
  TradesUpdateResponseSchema,
} from './responses/trade.js'
export { UnsubscribeResponseSchema } from './responses/unsubscribe.js'

// Limits

export {
  createDecayingCounters,
  type DecayingCounters,
} from './limits/decayingCounters.js'
export {
  createRateCounter,
  type RateCharge,
  type RateCounter,
  type RateCounterConfig,
} from './limits/rateCounter.js'
export {
  RATE_TIERS,
  type RateTier,
  type RateTierLimits,
} from './limits/rateTiers.js'
export {
  type RateTransaction,
  transactionCost,
} from './limits/transactionCost.js'

// Requests

export {
  isKrakenSocketsError,
  KrakenSocketsError,
  type KrakenSocketsErrorOptions,
} from './errorRoot.js'
export { SchemaError, type SchemaErrorOptions } from './errors.js'
export { type DecimalString, isDecimalString } from './money/decimalString.js'
export { formatPlainNumber } from './money/formatPlainNumber.js'
export { moneyLiteral } from './money/moneyLiteral.js'
export { type Money, MoneySchema, QuantitySchema } from './money/moneySchema.js'
export {
  type BalancesSubscriptionOptions,
  BalancesSubscriptionRequest,
  BalancesSubscriptionRequestSchema,
  BalancesUnsubscribeRequest,
  BalancesUnsubscribeRequestSchema,
} from './requests/channels/balances.js'
export {
  BOOK_DEPTHS,
  type BookSubscriptionOptions,
  BookSubscriptionRequest,
  BookSubscriptionRequestSchema,
  type BookUnsubscribeOptions,
  BookUnsubscribeRequest,
  BookUnsubscribeRequestSchema,
} from './requests/channels/book.js'
export {
  type ExecutionSubscriptionOptions,
  ExecutionSubscriptionRequest,
  ExecutionSubscriptionRequestSchema,
  ExecutionUnsubscribeRequest,
  ExecutionUnsubscribeRequestSchema,
} from './requests/channels/executions.js'
export {
  INSTRUMENT_EXECUTION_VENUES,
  type InstrumentsSubscriptionOptions,
  InstrumentsSubscriptionRequest,
  InstrumentsSubscriptionRequestSchema,
  InstrumentsUnsubscribeRequest,
  InstrumentsUnsubscribeRequestSchema,
} from './requests/channels/instrument.js'
export {
  LEVEL3_DEPTHS,
  Level3SubscriptionRequest,
  Level3UnsubscribeRequest,
  type OrdersSubscriptionOptions,
  OrdersSubscriptionRequest,
  OrdersSubscriptionRequestSchema,
  type OrdersUnsubscribeOptions,
  OrdersUnsubscribeRequest,
  OrdersUnsubscribeRequestSchema,
} from './requests/channels/level3.js'
export {
  OHLC_DEFAULT_INTERVAL,
  OHLC_INTERVALS,
  type OHLCSubscriptionOptions,
  OHLCSubscriptionRequest,
  OHLCSubscriptionRequestSchema,
  type OHLCUnsubscribeOptions,
  OHLCUnsubscribeRequest,
  OHLCUnsubscribeRequestSchema,
} from './requests/channels/ohlc.js'
export {
  TICKER_EVENT_TRIGGERS,
  type TickerSubscriptionOptions,
  TickerSubscriptionRequest,
  TickerSubscriptionRequestSchema,
  type TickerUnsubscribeOptions,
  TickerUnsubscribeRequest,
  TickerUnsubscribeRequestSchema,
} from './requests/channels/ticker.js'
export {
  type TradesSubscriptionOptions,
  TradesSubscriptionRequest,
  TradesSubscriptionRequestSchema,
  type TradesUnsubscribeOptions,
  TradesUnsubscribeRequest,
  TradesUnsubscribeRequestSchema,
} from './requests/channels/trade.js'
export {
  RequestValidationError,
  type RequestValidationErrorParameters,
} from './requests/errors.js'
export type { SymbolsInput } from './requests/internal/fields.js'
export {
  type AddOrderParams,
  AddOrderRequest,
  AddOrderRequestSchema,
} from './requests/methods/addOrder.js'
export {
  type AmendOrderParams,
  AmendOrderRequest,
  AmendOrderRequestSchema,
} from './requests/methods/amendOrder.js'
export {
  BATCH_ADD_MAX_ORDERS,
  BATCH_ADD_MIN_ORDERS,
  type BatchAddParams,
  BatchAddRequest,
  BatchAddRequestSchema,
  type BatchOrder,
  BatchOrderSchema,
} from './requests/methods/batchAdd.js'
export {
  BATCH_CANCEL_MAX_ORDERS,
  BATCH_CANCEL_MIN_ORDERS,
  type BatchCancelParams,
  BatchCancelRequest,
  BatchCancelRequestSchema,
} from './requests/methods/batchCancel.js'
export {
  CancelAllRequest,
  CancelAllRequestSchema,
} from './requests/methods/cancelAll.js'
export {
  CANCEL_AFTER_MAX_TIMEOUT,
  type CancelAllOrdersAfterParams,
  CancelAllOrdersAfterRequest,
  CancelAllOrdersAfterRequestSchema,
} from './requests/methods/cancelAllOrdersAfter.js'
export {
  type CancelOrderParams,
  CancelOrderRequest,
  CancelOrderRequestSchema,
} from './requests/methods/cancelOrder.js'
export {
  type EditOrderParams,
  EditOrderRequest,
  EditOrderRequestSchema,
} from './requests/methods/editOrder.js'
export {
  BATCH_TIME_IN_FORCE,
  CONDITIONAL_ORDER_TYPES,
  FEE_PREFERENCES,
  ORDER_SIDES,
  ORDER_TYPES,
  PRICE_TYPES,
  STP_TYPES,
  TIME_IN_FORCE,
  TRIGGER_REFERENCES,
} from './requests/methods/orderFields.js'
export { PingRequest, PingRequestSchema } from './requests/methods/ping.js'
export {
  type RequestEndpoint,
  requestEndpoint,
} from './requests/requestEndpoint.js'
export type {
  RequestMessage,
  SubscriptionChannel,
  SubscriptionRequest,
  TradingRequest,
  UnsubscribeRequest,
} from './requests/requestMessage.js'
export {
  MONEY_FIELDS,
  type StringifyRequestOptions,
  stringifyRequest,
} from './requests/stringifyRequest.js'
export {
  isPlacingMethod,
  PLACING_METHODS,
  type PlacingMethod,
  TRADING_METHODS,
  type TradingMethod,
} from './requests/tradingMethods.js'
export { unsubscribeRequestFor } from './requests/unsubscribeRequestFor.js'
