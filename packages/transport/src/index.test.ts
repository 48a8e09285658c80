import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "InvalidApiKeyError",
      "InvalidPrivateKeyError",
      "TokenAbortedError",
      "TokenError",
      "TokenHttpError",
      "TokenRequestError",
      "TokenResponseError",
      "TokenTimeoutError",
      "krakenPrivateRest",
      "krakenTokenProvider",
      "signKrakenRequest",
      "createConnectionBudget",
      "KRAKEN_WS_URLS",
      "ConnectionError",
      "FatalTransportError",
      "InvalidConfigError",
      "InvalidUrlError",
      "ListenerError",
      "ReconnectExhaustedError",
      "TransportClosedError",
      "TransportError",
      "TransportNotOpenError",
      "WebSocketUnavailableError",
      "backoffDelay",
      "createTransportEmitter",
      "createEventEmitter",
      "DEFAULT_FATAL_ERRORS",
      "sniffFrame",
      "redactUrl",
      "recordTransport",
      "createRequestIdAllocator",
      "MAX_REQ_ID",
      "fake",
      "nodeWebSocket",
      "webSocket",
    ]
  `)
})
