import {
  type ConnectionBudget,
  createConnectionBudget,
  type FrameRecorder,
  InvalidPrivateKeyError,
  KRAKEN_WS_URLS,
  type KrakenPrivateRest,
  krakenPrivateRest,
  krakenTokenProvider,
  nodeWebSocket,
  type ReconnectConfig,
  recordTransport,
  type TransportEndpoint,
  type TransportFactory,
  type WebSocketConstructor,
  webSocket,
} from '@kraken-sockets/transport'
import type { TokenSource } from '../connections/connection.js'
import type { LogSink } from '../shared/logger.js'
import type { LogLevel } from '../shared/logLevel.js'
import { positive } from '../shared/positive.js'
import {
  type ResolvedTradingOptions,
  resolveTrading,
  type TradingOptions,
} from '../trading/tradingOptions.js'

export type {
  RateCounterOptions,
  ResolvedTradingOptions,
  TradingOptions,
} from '../trading/tradingOptions.js'

import {
  DEFAULT_SILENCE_WINDOWS,
  type SilenceWindows,
} from '../subscriptions/subscriptionLiveness.js'

/** Options of `new KrakenWebSocketAPI(options)`. Every one is optional. */
export interface KrakenWebSocketAPIOptions {
  /**
   * Kraken API key, for private data, level3 and trading.
   * @default env KRAKEN_REST_API_KEY
   */
  apiKey?: string | undefined
  /**
   * Kraken API private key (base64, as Kraken shows it).
   * @default env KRAKEN_REST_API_PRIVATE_KEY
   */
  privateKey?: string | undefined
  /** @default env KRAKEN_WS_PUBLIC_URL or 'wss://ws.kraken.com/v2' */
  publicUrl?: string | undefined
  /** @default env KRAKEN_WS_PRIVATE_URL or 'wss://ws-auth.kraken.com/v2' */
  privateUrl?: string | undefined
  /** @default env KRAKEN_WS_LEVEL3_URL or 'wss://ws-l3.kraken.com/v2' */
  level3Url?: string | undefined
  /** REST base URL for the WebSocket token. @default env KRAKEN_REST_URL or 'https://api.kraken.com' */
  restUrl?: string | undefined
  /** Silence (ms) before a socket is declared dead and replaced. @default 10_000 */
  staleAfter?: number | undefined
  /** Reconnect policy of every socket, or `false` to never reconnect. @default the transport's defaults */
  reconnect?: ReconnectConfig | false | undefined
  /**
   * Returns a WebSocket token. Replaces the REST call signed with
   * `apiKey`/`privateKey` (in a browser, ask your own server for one).
   * `signal` aborts the fetch when the client stops or the request waiting
   * for it times out.
   * @default a signed `GetWebSocketsToken` call when both keys are set
   */
  getToken?:
    | ((options?: { signal?: AbortSignal | undefined }) => Promise<string>)
    | undefined
  /**
   * The transport factory per socket (tests pass `fake()`).
   * @default `webSocket()` where a global WebSocket exists, else `nodeWebSocket()`
   */
  transport?: ((endpoint: TransportEndpoint) => TransportFactory) | undefined
  /** The WebSocket class handed to the default transport (e.g. `ws`'s). @default globalThis.WebSocket, else `ws` */
  WebSocket?: WebSocketConstructor | undefined
  /** Connection-attempt budget shared by this client's sockets. @default 100 attempts per 10 minutes */
  budget?: ConnectionBudget | undefined
  /**
   * Least severe level logged, or `false` for silence.
   * @default 'info'
   */
  logLevel?: LogLevel | false | undefined
  /**
   * Where log lines go (`userLogger` can replace it later), or `false` for
   * silence.
   * @default the console
   */
  logger?: LogSink | false | undefined
  /** Time (ms) a request or subscription waits for Kraken's answer. @default 10_000 */
  requestTimeout?: number | undefined
  /** Values a busy handler may have queued before the oldest is dropped (a gap). @default 1_000 */
  queueSize?: number | undefined
  /** Resyncs allowed per book within 10 minutes before it gives up. @default 10 */
  bookResyncLimit?: number | undefined
  /**
   * Per channel, how long (ms) a live subscription may send nothing while
   * its socket stays up before it is resubscribed (the `subscription`
   * event reports it); `false` turns a channel's check off. Merged over the
   * defaults; see `SilenceWindows` for the rules.
   * @default { book: 60_000 }
   */
  silenceWindows?: SilenceWindows | undefined
  /** Trading behaviour: rounding and local refusals, order tracking, the advisory rate counter. */
  trading?: TradingOptions | undefined
  /**
   * Records every socket of the session (public, private, level3, and each
   * reconnect) into this recorder, e.g. `createTapeWriter({ dir })` from
   * `@kraken-sockets/tape`. The recorder redacts tokens. `stop()` closes it.
   * @default no recording
   */
  record?: FrameRecorder | undefined
}

/** The options with every default applied. */
export interface ResolvedOptions {
  readonly urls: Readonly<Record<TransportEndpoint, string>>
  readonly staleAfter: number | undefined
  readonly transport: (endpoint: TransportEndpoint) => TransportFactory
  readonly getToken: TokenSource | undefined
  /** Signed private REST calls; undefined without apiKey and privateKey. */
  readonly rest: KrakenPrivateRest | undefined
  /** REST base URL (public look-ups such as `Assets`). */
  readonly restUrl: string
  /**
   * Where symbol hints may read REST `Assets`: `restUrl` when it was given,
   * Kraken's own when the client talks to Kraken over its default transport,
   * else none (a simulator, tape or fake transport must never reach Kraken).
   */
  readonly hintRestUrl: string | undefined
  readonly secrets: readonly string[]
  readonly budget: ConnectionBudget
  readonly requestTimeout: number
  readonly queueSize: number
  readonly bookResyncLimit: number
  readonly silenceWindows: SilenceWindows
  readonly trading: ResolvedTradingOptions
  /** Where the session is recorded, closed by `stop()`; undefined when not recorded. */
  readonly record: FrameRecorder | undefined
}

type Env = Readonly<Record<string, string | undefined>>

/** The environment where one exists (Node, Bun, Deno with permissions); else empty. */
export function readEnv(): Env {
  const holder = globalThis as { process?: { env?: Env } }
  try {
    return holder.process?.env ?? {}
  } catch {
    // Deno throws without --allow-env: behave as if nothing were set.
    return {}
  }
}

/** Standard padded base64, as Kraken shows a private key (the transport decodes it the same way). */
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Applies defaults and the environment to the client's options.
 * @throws {InvalidPrivateKeyError} a private key (option or environment) that is not base64.
 */
export function resolveOptions(
  options: KrakenWebSocketAPIOptions,
  env: Env = readEnv(),
): ResolvedOptions {
  const apiKey = options.apiKey ?? env.KRAKEN_REST_API_KEY
  const privateKey = options.privateKey ?? env.KRAKEN_REST_API_PRIVATE_KEY
  const restUrl = options.restUrl ?? env.KRAKEN_REST_URL
  let getToken = options.getToken
  // Signed REST calls (order look-ups) when the keys are set.
  let rest: KrakenPrivateRest | undefined
  if (
    getToken === undefined &&
    apiKey !== undefined &&
    apiKey !== '' &&
    privateKey !== undefined &&
    privateKey !== ''
  ) {
    // The key's form is checked now, so a typo fails where the client is
    // created; the token itself is fetched on the first private request.
    if (!BASE64.test(privateKey)) throw new InvalidPrivateKeyError()
    let provider: ReturnType<typeof krakenTokenProvider> | undefined
    getToken = (tokenOptions) => {
      provider ??= krakenTokenProvider({ apiKey, privateKey, restUrl })
      return provider.getToken(tokenOptions)
    }
    let restCalls: KrakenPrivateRest | undefined
    rest = (method, params, callOptions) => {
      restCalls ??= krakenPrivateRest({ apiKey, privateKey, restUrl })
      return restCalls(method, params, callOptions)
    }
  }
  const { reconnect, WebSocket, record } = options
  const chosen =
    options.transport ??
    ((_endpoint: TransportEndpoint) => {
      const config = {
        ...(reconnect === undefined ? {} : { reconnect }),
        ...(WebSocket === undefined ? {} : { WebSocket }),
      }
      const hasGlobal =
        typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function'
      return hasGlobal ? webSocket(config) : nodeWebSocket(config)
    })
  const transport =
    record === undefined
      ? chosen
      : (endpoint: TransportEndpoint): TransportFactory => {
          const factory = chosen(endpoint)
          return (context) => recordTransport(factory(context), record)
        }
  const publicUrl =
    options.publicUrl ?? env.KRAKEN_WS_PUBLIC_URL ?? KRAKEN_WS_URLS.public
  return {
    urls: {
      public: publicUrl,
      private:
        options.privateUrl ??
        env.KRAKEN_WS_PRIVATE_URL ??
        KRAKEN_WS_URLS.private,
      level3:
        options.level3Url ?? env.KRAKEN_WS_LEVEL3_URL ?? KRAKEN_WS_URLS.level3,
    },
    staleAfter: options.staleAfter,
    transport,
    getToken,
    rest,
    restUrl: restUrl ?? 'https://api.kraken.com',
    hintRestUrl:
      restUrl ??
      (options.transport === undefined && publicUrl === KRAKEN_WS_URLS.public
        ? 'https://api.kraken.com'
        : undefined),
    secrets: [apiKey, privateKey].filter(
      (secret): secret is string => typeof secret === 'string',
    ),
    budget: options.budget ?? createConnectionBudget(),
    requestTimeout: positive('requestTimeout', options.requestTimeout, 10_000),
    queueSize: positive('queueSize', options.queueSize, 1_000),
    bookResyncLimit: positive('bookResyncLimit', options.bookResyncLimit, 10),
    silenceWindows: { ...DEFAULT_SILENCE_WINDOWS, ...options.silenceWindows },
    trading: resolveTrading(options.trading ?? {}),
    record,
  }
}
