export {
  type AuthDecision,
  type AuthHook,
  type AuthRequest,
  acceptAnyToken,
  INVALID_SESSION,
} from './authHook.js'
export { BOOK_DEPTHS } from './channels/book.js'
export { LEVEL3_DEPTHS } from './channels/level3.js'
export { EVENT_TRIGGERS } from './channels/ticker.js'
export type {
  ChannelContext,
  ChannelDefinition,
  ChannelPlan,
  SubscribeItem,
  UnsubscribeItem,
} from './channels/types.js'
export type { Compatibility, SimulatorContext } from './context.js'
export { SimulatorClosedError, SimulatorError } from './errors.js'
export {
  CLOUDFLARE_RESTARTING,
  type Fault,
  type FaultType,
  type SessionFaults,
  type SystemStatus,
} from './faults/types.js'
export {
  encodeJson,
  type JsonValue,
  RawNumber,
  raw,
} from './json/encodeJson.js'
export { OHLC_INTERVALS } from './market/candles.js'
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
  ALREADY_SUBSCRIBED,
  EXCEEDED_MSG_RATE,
  INVALID_ARGUMENTS,
  SUBSCRIPTION_NOT_FOUND,
  UNSUPPORTED_EVENT,
} from './methods/errors.js'
export { PING_PARAMS_ERROR } from './methods/ping.js'
export type { MethodContext, MethodDefinition } from './methods/types.js'
export { defaultCompatibility, type SimulatorOptions } from './options.js'
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
export type {
  ActiveSubscription,
  ConnectionHandler,
  ConnectionHandlerFactory,
  Params,
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
} from './stats/stats.js'
