export {
  createGetWebSocketsTokenHandler,
  GET_WEBSOCKETS_TOKEN_PATH,
  type GetWebSocketsTokenConfig,
  type RestRequest as TokenRestRequest,
  type RestResponse as TokenRestResponse,
} from './auth/getWebSocketsToken.js'
export { createNonceGuard, type NonceGuard } from './auth/nonceGuard.js'
export {
  type SignatureInput,
  signKrakenRequest,
  verifyKrakenSignature,
} from './auth/signature.js'
export {
  DEFAULT_TEST_CREDENTIALS,
  type SimulatorCredentials,
} from './auth/testCredentials.js'
export {
  createTokenStore,
  type IssuedToken,
  type TokenStore,
  type TokenStoreConfig,
} from './auth/tokenStore.js'
export {
  type AuthDecision,
  type AuthHook,
  type AuthRequest,
  acceptAnyToken,
  INVALID_SESSION,
} from './authHook.js'
export { BOOK_DEPTHS } from './channels/book.js'
export type { BookFeed } from './channels/bookFeed.js'
export { LEVEL3_DEPTHS } from './channels/level3.js'
export type { Level3Feed } from './channels/level3Book.js'
export { EVENT_TRIGGERS } from './channels/ticker.js'
export type {
  ChannelContext,
  ChannelDefinition,
  ChannelPlan,
  SubscribeItem,
  UnsubscribeItem,
} from './channels/types.js'
export {
  clientEnvironment,
  type SimulatorClientOptions,
  shellExports,
} from './clientOptions.js'
export type { Compatibility, SimulatorContext } from './context.js'
export {
  LiveMarketError,
  PaperAccountError,
  RecordingError,
  SimulatorClosedError,
  SimulatorError,
  TapeMarketError,
} from './errors.js'
export type {
  FeeSchedule,
  Fees,
  FeeTier,
  FeeTiers,
  QueueLevel,
} from './exchange/context.js'
export { createExchange } from './exchange/exchange.js'
export {
  type Exchange,
  type ExchangeConfig,
  TRADING_METHODS,
  type TradingMethod,
  type TradingRequestFrame,
} from './exchange/exchangeTypes.js'
export { KRAKEN_SPOT_FEE_TIERS } from './exchange/feeTiers.js'
export type { BatchCancelShape } from './exchange/methods/batchCancel.js'
export { DEAD_MAN_SWITCH_REASON } from './exchange/methods/cancelAllOrdersAfter.js'
export type { Params } from './exchange/params.js'
export {
  createPrivateFeed,
  type ExecutionsSubscription,
  type PrivateChannelFrame,
  type PrivateFeed,
  type PrivateSubscribeOutcome,
} from './exchange/privateFeed.js'
export {
  createPrivateSession,
  type PrivateSession,
  type PrivateSessionConfig,
  type SessionTokens,
} from './exchange/privateSession.js'
export type {
  LimitedTransaction,
  TradingRateLimiter,
} from './exchange/rateLimiter.js'
export { KRAKEN_ERRORS, TradingRejection } from './exchange/rejection.js'
export type { MethodResponse } from './exchange/responses.js'
export type { ExchangeSnapshots, RestingOrder } from './exchange/snapshots.js'
export type { Scheduler } from './exchange/time.js'
export type {
  BalanceSnapshotEntry,
  ExchangeEvent,
  ExchangePair,
  ExecutionReport,
  Fee,
  LedgerEntry,
  OrderTrigger,
  OrderType,
  PairStatus,
  SystemStatus,
  TimeInForce,
} from './exchange/types.js'
export {
  CLOUDFLARE_RESTARTING,
  type Fault,
  type FaultCounts,
  type FaultType,
  type SessionFaults,
} from './faults/types.js'
export {
  encodeJson,
  type JsonValue,
  RawNumber,
  raw,
} from './json/encodeJson.js'
export type {
  DepthUpdate,
  LevelChange,
} from './market/bookDiff.js'
export type { BookSide as MarketBookSide, Side } from './market/bookSide.js'
export {
  type Candle as MarketCandle,
  type CandleSeries,
  OHLC_INTERVALS,
} from './market/candles.js'
export {
  bookChecksum,
  checksumDigits,
  checksumInput,
  type LevelText,
  level3Checksum,
} from './market/checksum.js'
export { formatUnits, padDecimal } from './market/decimal.js'
export {
  type AssetSpec,
  DEFAULT_ASSETS,
  DEFAULT_PAIRS,
  type PairSpec,
} from './market/instruments.js'
export {
  KRAKEN_PUBLIC_WS,
  type LiveMarketOptions,
} from './market/live/liveMarket.js'
export type { MarketOption } from './market/live/marketOption.js'
export type { TapeMarketOptions } from './market/live/tapeMarket.js'
export type { Market, MarketEvent } from './market/market.js'
export type {
  OrderEvent,
  OrderQueues,
  RestingOrder as QueuedOrder,
} from './market/orderQueues.js'
export type { Prng } from './market/prng.js'
export type {
  SymbolMarket,
  TickerStats,
  Trade as MarketTrade,
} from './market/symbolMarket.js'
export {
  ALREADY_SUBSCRIBED,
  EXCEEDED_MSG_RATE,
  INVALID_ARGUMENTS,
  SUBSCRIPTION_NOT_FOUND,
  UNSUPPORTED_EVENT,
} from './methods/errors.js'
export { PING_PARAMS_ERROR } from './methods/ping.js'
export type { MethodContext, MethodDefinition } from './methods/types.js'
export { defaultCompatibility, type SimulatorOptions } from './options.js'
export { DEFAULT_ACCOUNT } from './private/tokenAuth.js'
export {
  DEFAULT_BALANCES,
  DEFAULT_RATE_TIER,
} from './private/tradingEngine.js'
export {
  encodeRecord,
  parseRecording,
  type RecordedFrame,
  RecordingFormatError,
} from './recording/format.js'
export {
  createFileSink,
  createRecorder,
  type FrameData,
  type Recorder,
  type RecorderConfig,
} from './recording/recorder.js'
export { type RecordSink, redactTokens } from './recording/recordOption.js'
export {
  type RecordableSocket,
  recordChannel,
  recordWebSocket,
  type TextChannel,
} from './recording/recordSocket.js'
export {
  type Replay as RecordingReplay,
  type ReplayOptions as RecordingReplayOptions,
  replayRecording,
} from './recording/replay.js'
export type { ReplayOptions } from './replay/replay.js'
export {
  type EndpointKind,
  type Level3Host,
  WRONG_HOST,
} from './server/endpoints.js'
export type {
  RestHandler,
  RestRequest,
  RestResponse,
  RestRoute,
} from './server/restRouter.js'
export type { Timers } from './server/timers.js'
export type { Hub, Publisher, Subscriber } from './session/hub.js'
export { IDLE_CLOSE_CODE, IDLE_CLOSE_REASON } from './session/idleClose.js'
export type {
  ActiveSubscription,
  ConnectionHandler,
  ConnectionHandlerFactory,
  RequestFrame,
  SessionHandle,
} from './session/types.js'
export type { Simulator } from './simulator.js'
export { startSimulator } from './startSimulator.js'
export type {
  ConnectionRecord,
  FaultRecord,
  RequestFilter,
  RequestRecord,
  SimulatorStats,
  StatsRecorder,
} from './stats/stats.js'
