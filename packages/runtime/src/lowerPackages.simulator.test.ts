/**
 * A bot installs the runtime alone: what the lower packages throw, and the
 * browser transport `webSocket()`, come from the runtime's entry, and they
 * are the lower packages' own classes (so `instanceof` agrees everywhere).
 */
import * as schema from '@kraken-sockets/schema'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import * as transport from '@kraken-sockets/transport'
import { afterEach, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import * as runtime from './index.js'
import {
  AddOrderRequest,
  KrakenWebSocketAPI,
  RequestValidationError,
  TickerSnapshotResponse,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
  webSocket,
} from './index.js'

const fromSchema = ['DecodeError', 'RequestValidationError', 'SchemaError']
const fromTransport = [
  'ConnectionError',
  'FatalTransportError',
  'InvalidApiKeyError',
  'InvalidConfigError',
  'InvalidPrivateKeyError',
  'InvalidUrlError',
  'ListenerError',
  'ReconnectExhaustedError',
  'TokenAbortedError',
  'TokenError',
  'TokenHttpError',
  'TokenRequestError',
  'TokenResponseError',
  'TokenTimeoutError',
  'TransportClosedError',
  'TransportError',
  'TransportNotOpenError',
  'WebSocketUnavailableError',
  'webSocket',
]

let simulator: Simulator | undefined

afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

test("default: the runtime exports the lower packages' own errors and webSocket()", () => {
  const exported = runtime as Record<string, unknown>
  for (const name of fromSchema)
    expect(exported[name], name).toBe((schema as Record<string, unknown>)[name])
  for (const name of fromTransport)
    expect(exported[name], name).toBe(
      (transport as Record<string, unknown>)[name],
    )
})

test("error: a builder's refusal is caught by the runtime's RequestValidationError", () => {
  const build = () =>
    AddOrderRequest({
      order_type: 'limit',
      side: 'sideways' as 'buy',
      symbol: 'BTC/USD',
      order_qty: '1',
      limit_price: '100',
    })
  expect(build).toThrow(RequestValidationError)
  expect(build).toThrow(runtime.KrakenSocketsError)
})

test('behavior: a bot streams a ticker through webSocket() taken from the runtime', async () => {
  simulator = await startSimulator({ seed: 5, rate: 50 })
  const kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    // ws's class stands in for the browser's (Node 20 has no global one).
    transport: () => webSocket({ WebSocket }),
    logLevel: false,
  })
  try {
    const first = new Promise<string>((resolve) => {
      kraken.trigger(TickerSnapshotResponse, (value) => resolve(value.symbol))
      kraken.trigger(TickerUpdateResponse, (value) => resolve(value.symbol))
    })
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    expect(await first).toBe('BTC/USD')
  } finally {
    await kraken.stop()
  }
})
