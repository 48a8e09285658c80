// The client

export type {
  BookEvent,
  BookOptions,
  BookState,
  BookStats,
  L3BookOptions,
  LiveBook,
  LiveL3Book,
} from './books/liveBook.js'
export type {
  DeadMansSwitchOptions,
  FrameItem,
  RunOptions,
  StreamOptions,
  TriggerKeyOf,
} from './clientTypes.js'
export type {
  KrakenErrorEvent,
  KrakenEventMap,
  KrakenStats,
  SystemState,
  SystemStatusEvent,
} from './events.js'
export {
  AuthenticationError,
  BookDepthConflictError,
  BookSyncError,
  ClientStoppedError,
  DecodeFailureError,
  HandlerError,
  KrakenError,
  KrakenSocketsError,
  type KrakenSocketsErrorOptions,
  ListenerError,
  SubscriptionLimitError,
  TaskError,
} from './internal/errors.js'
export type { Listener } from './internal/eventEmitter.js'
export type {
  DroppedValuesGap,
  GapEvent,
  ReconnectGap,
  SequenceGap,
} from './internal/gap.js'
export type { HandlerStats } from './internal/handlerRunner.js'
export type { LogContext, LogSink } from './internal/logger.js'
export type { LogLevel } from './internal/logLevel.js'
export type { SubscriptionAckValue } from './internal/subscriptionAcks.js'
export type { UserTask } from './internal/taskGroup.js'
export type {
  TradingResponseFor,
  TradingResponseMap,
} from './internal/tradingRequests.js'
export type { TriggerMethodDecorator } from './internal/triggerDecorator.js'
export type { TriggerStats } from './internal/triggerRegistry.js'
export type { TriggerStream } from './internal/triggerStream.js'
export { KrakenWebSocketAPI } from './krakenWebSocketAPI.js'
export type {
  KrakenWebSocketAPIOptions,
  RateCounterOptions,
  TradingOptions,
} from './options.js'
export type {
  AdvisoryRateCounter,
  RateTransactionLike,
  RateVerdict,
} from './trading/advisoryRateCounter.js'
export type {
  ClockOffsetEstimator,
  ClockSample,
  KrakenTimeResult,
} from './trading/clockOffset.js'
export type {
  DeadMansSwitch,
  DeadMansSwitchState,
} from './trading/deadMansSwitch.js'
export {
  DeadMansSwitchError,
  KrakenRejectedError,
  type NotSentCode,
  NotSentError,
  OrderNotFilledError,
  OutcomeUnknownError,
  type OutcomeUnknownReason,
} from './trading/errors.js'
export type {
  ExecutionReport,
  Fill,
  FillOnlyField,
  TrackedOrder,
} from './trading/executionReport.js'
export type {
  OrderHandle,
  OrderOutcome,
  OrderOutcomeStatus,
} from './trading/orderHandle.js'
export type { OrderEvent } from './trading/orderTrackerTypes.js'
export type { DecimalInput, InstrumentPair } from './trading/types.js'

// From @kraken-sockets/schema, so that a bot needs this package alone:
// the request builders and the response types (values and types).

export {
  AddOrderRequest,
  AddOrderResponse,
  AmendOrderRequest,
  AmendOrderResponse,
  AnyResponse,
  BalancesSnapshotResponse,
  BalancesSubscriptionRequest,
  BalancesUnsubscribeRequest,
  BalancesUpdateResponse,
  BatchAddRequest,
  BatchAddResponse,
  BatchCancelRequest,
  BatchCancelResponse,
  BookSnapshotResponse,
  BookSubscriptionRequest,
  BookUnsubscribeRequest,
  BookUpdateResponse,
  CancelAllOrdersAfterRequest,
  CancelAllOrdersAfterResponse,
  CancelAllRequest,
  CancelAllResponse,
  CancelOrderRequest,
  CancelOrderResponse,
  EditOrderRequest,
  EditOrderResponse,
  ExecutionSubscriptionRequest,
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
  ExecutionUnsubscribeRequest,
  HeartbeatResponse,
  InstrumentsSnapshotResponse,
  InstrumentsSubscriptionRequest,
  InstrumentsUnsubscribeRequest,
  InstrumentsUpdateResponse,
  Level3SubscriptionRequest,
  Level3UnsubscribeRequest,
  OHLCSnapshotResponse,
  OHLCSubscriptionRequest,
  OHLCUnsubscribeRequest,
  OHLCUpdateResponse,
  OrderSnapshotResponse,
  OrdersSubscriptionRequest,
  OrdersUnsubscribeRequest,
  OrderUpdateResponse,
  PingRequest,
  PingResponse,
  Response,
  type ResponseFamily,
  type ResponseType,
  type ResponseValue,
  SnapshotResponse,
  StatusResponse,
  type SubscriptionRequest,
  SubscriptionResponse,
  TickerSnapshotResponse,
  TickerSubscriptionRequest,
  TickerUnsubscribeRequest,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesSubscriptionRequest,
  TradesUnsubscribeRequest,
  TradesUpdateResponse,
  type TradingRequest,
  TradingResponse,
  type UnsubscribeRequest,
  UnsubscribeResponse,
  UpdateResponse,
} from '@kraken-sockets/schema'
