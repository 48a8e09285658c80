// The errors every part raises (first, as the export snapshot lists them)

export {
  AuthenticationError,
  BookDepthConflictError,
  BookSyncError,
  ClientStoppedError,
  DecodeFailureError,
  HandlerError,
  isKrakenSocketsError,
  KrakenError,
  KrakenSocketsError,
  type KrakenSocketsErrorOptions,
  ListenerError,
  SubscriptionLimitError,
  TaskError,
} from './errors.js'

// The client

/** A listener of a client event; it may be async (the transport's listener type). */
export type { EmitterListener as Listener } from '@kraken-sockets/transport'
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
} from './client/clientTypes.js'
export type {
  KrakenErrorEvent,
  KrakenEventMap,
  KrakenStats,
  SystemState,
  SystemStatus,
  SystemStatusEvent,
} from './client/events.js'
export { KrakenWebSocketAPI } from './client/krakenWebSocketAPI.js'
export type {
  KrakenWebSocketAPIOptions,
  RateCounterOptions,
  TradingOptions,
} from './client/options.js'
export type {
  DroppedValuesGap,
  GapEvent,
  ReconnectGap,
  SequenceGap,
} from './shared/gap.js'
export type { LogContext, LogSink } from './shared/logger.js'
export type { LogLevel } from './shared/logLevel.js'
export type { UserTask } from './shared/taskGroup.js'
export type { AssetBalance } from './state/balanceState.js'
export {
  BalancesChannel,
  BookChannel,
  type ChannelKey,
  type ChannelValue,
  ExecutionsChannel,
  InstrumentsChannel,
  Level3Channel,
  OHLCChannel,
  TickerChannel,
  TradesChannel,
} from './state/channelKey.js'
export type { Instruments } from './state/instrumentState.js'
export type { LatestTicker } from './state/tickerState.js'
export { timestampMs } from './state/timestampMs.js'
export type { SubscriptionAckValue } from './subscriptions/subscriptionAcks.js'
export {
  DEFAULT_SILENCE_WINDOWS,
  type SilenceWindows,
  type SubscriptionHealthEvent,
} from './subscriptions/subscriptionLiveness.js'
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
  LooseExecutionReport,
  LooseTrackedOrder,
  TrackedOrder,
} from './trading/executionReport.js'
export type {
  OrderHandle,
  OrderOutcome,
  OrderOutcomeStatus,
} from './trading/orderHandle.js'
export type { OrderEvent } from './trading/orderTrackerTypes.js'
export type {
  AcceptedAck,
  PlacedOrder,
  TradingResponseFor,
  TradingResponseMap,
} from './trading/tradingResponses.js'
export type { DecimalInput, InstrumentPair } from './trading/types.js'
export type { HandlerStats } from './triggers/handlerRunner.js'
export type { TriggerMethodDecorator } from './triggers/triggerDecorator.js'
export type { TriggerStats } from './triggers/triggerRegistry.js'
export type { TriggerStream } from './triggers/triggerStream.js'

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

// What the lower packages throw, and the browser transport, so that a bot
// installs this package alone: it can catch a builder's refusal or a
// transport's failure by class, and pick `webSocket()` for a socket.

export {
  DecodeError,
  RequestValidationError,
  SchemaError,
} from '@kraken-sockets/schema'
export {
  ConnectionError,
  FatalTransportError,
  InvalidApiKeyError,
  InvalidConfigError,
  InvalidPrivateKeyError,
  InvalidUrlError,
  ReconnectExhaustedError,
  TokenAbortedError,
  TokenError,
  TokenHttpError,
  TokenRequestError,
  TokenResponseError,
  TokenTimeoutError,
  TransportClosedError,
  TransportError,
  TransportNotOpenError,
  type WebSocketTransportConfig,
  WebSocketUnavailableError,
  webSocket,
} from '@kraken-sockets/transport'
