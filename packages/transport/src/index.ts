export {
  InvalidApiKeyError,
  InvalidPrivateKeyError,
  TokenAbortedError,
  TokenError,
  TokenHttpError,
  TokenRequestError,
  TokenResponseError,
  TokenTimeoutError,
} from './auth/errors.js'
export {
  type KrakenPrivateRest,
  type KrakenPrivateRestConfig,
  krakenPrivateRest,
} from './auth/krakenPrivateRest.js'
export {
  type KrakenTokenProviderConfig,
  krakenTokenProvider,
  type TokenProvider,
  type TokenRequestOptions,
} from './auth/krakenTokenProvider.js'
export {
  type SignKrakenRequestParameters,
  signKrakenRequest,
} from './auth/sign.js'
export {
  type ConnectionBudget,
  type ConnectionBudgetConfig,
  createConnectionBudget,
} from './budget.js'
export type { ReconnectConfig, SocketTransportConfig } from './config.js'
export { KRAKEN_WS_URLS } from './endpoints.js'
export {
  ConnectionError,
  FatalTransportError,
  InvalidConfigError,
  InvalidUrlError,
  ListenerError,
  ReconnectExhaustedError,
  TransportClosedError,
  TransportError,
  type TransportErrorOptions,
  TransportNotOpenError,
  WebSocketUnavailableError,
} from './errors.js'
export { type BackoffPolicy, backoffDelay } from './internal/backoff.js'
export {
  createEmitter as createTransportEmitter,
  type Emitter as TransportEmitter,
  type Listener as TransportListener,
} from './internal/emitter.js'
export {
  createEventEmitter,
  type EmitterListener,
  type EventEmitter,
  type EventEmitterConfig,
  type EventMap,
} from './internal/eventEmitter.js'
export { DEFAULT_FATAL_ERRORS } from './internal/fatal.js'
export { sniffFrame } from './internal/sniffFrame.js'
export { redactUrl } from './internal/url.js'
export type {
  FrameRecorder,
  RecordedEvent,
} from './recording/frameRecorder.js'
export { recordTransport } from './recording/recordTransport.js'
export {
  createRequestIdAllocator,
  MAX_REQ_ID,
  type RequestIdAllocator,
  type RequestIdAllocatorOptions,
} from './requestIds.js'
export {
  type FakeTransport,
  type FakeTransportConfig,
  fake,
} from './transports/fake.js'
export {
  type NodeWebSocketTransportConfig,
  nodeWebSocket,
} from './transports/nodeWebSocket.js'
export {
  type WebSocketTransportConfig,
  webSocket,
} from './transports/webSocket.js'
export type {
  ConnectionEvent,
  ConnectionEventBase,
  ConnectionReason,
  EventHandler,
  Latency,
  OpenEvent,
  Transport,
  TransportContext,
  TransportEndpoint,
  TransportEventMap,
  TransportEventName,
  TransportFactory,
  TransportStatus,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js'
