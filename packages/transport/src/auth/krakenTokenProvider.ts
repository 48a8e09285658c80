import { InvalidConfigError } from '../errors.js'
import {
  InvalidApiKeyError,
  TokenAbortedError,
  TokenRequestError,
  TokenResponseError,
} from './errors.js'
import { serialize } from './nonce.js'
import { importPrivateKey } from './sign.js'
import { privateRestUrl, signedPost } from './signedPost.js'
import { checkTokenText } from './tokenText.js'

/** Options of one {@link TokenProvider.getToken} call. */
export type TokenRequestOptions = {
  /**
   * Aborts this call: it rejects at once (the default provider with
   * `TokenAbortedError`), and the request itself is cancelled once every
   * caller sharing it has aborted. The runtime passes one on `stop()`.
   */
  signal?: AbortSignal | undefined
}

/**
 * Supplies WebSocket tokens. The runtime asks on every connect of an
 * authenticated socket and again after `ESession:Invalid session`.
 */
export type TokenProvider = {
  /**
   * Resolves with a token; never cached across calls, shared while in flight.
   * Providers written before `options` existed remain valid: it is optional.
   */
  getToken(options?: TokenRequestOptions): Promise<string>
}

/** Options of {@link krakenTokenProvider}. */
export type KrakenTokenProviderConfig = {
  /** Kraken API key (public part). */
  apiKey: string
  /** Kraken API private key, base64 as Kraken shows it. */
  privateKey: string
  /** REST base URL; https: unless loopback. @default 'https://api.kraken.com' */
  restUrl?: string | undefined
  /** Time (ms) allowed for the whole request, body included. @default 10_000 */
  timeout?: number | undefined
  /**
   * Largest response body read (bytes); a larger one is refused while it
   * streams, before it is buffered. @default 65_536
   */
  maxBodyBytes?: number | undefined
  /**
   * `fetch` implementation. It is called with `redirect: 'manual'`; one that
   * follows redirects anyway leaks the signed headers to wherever they point
   * (its token is refused all the same). @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined
}

const TOKEN_PATH = '/0/private/GetWebSocketsToken'

/** Default of {@link KrakenTokenProviderConfig.maxBodyBytes}. */
const MAX_BODY_BYTES = 65_536

/** One request and the callers waiting on it. */
type Shared = {
  readonly promise: Promise<string>
  readonly controller: AbortController
  /** Callers with a signal still waiting. */
  waiting: number
  /** A caller without a signal waits: the request is never cancelled. */
  pinned: boolean
}

/**
 * The default token provider: signs `POST /0/private/GetWebSocketsToken` with
 * `API-Key` and `API-Sign` (HMAC-SHA512 via WebCrypto). Server side only: a
 * browser must get its token from the user's own server, never hold the secret.
 * Concurrent `getToken()` calls share one request; each later call fetches a
 * fresh token. Keys live in a closure, so `inspect()` shows none of them.
 * Redirects are never followed (they would carry the signed headers), the
 * body is capped at `maxBodyBytes` while it streams, and the token must be
 * base64 text of at most 256 characters.
 *
 * @see https://docs.kraken.com/api/docs/rest-api/get-websockets-token
 * @throws {InvalidPrivateKeyError | InvalidConfigError | InvalidUrlError} at once
 * for a malformed private key, a missing API key or an insecure URL.
 * `getToken()` rejects with `InvalidApiKeyError`, `TokenHttpError` (also for
 * a redirect), `TokenTimeoutError`, `TokenRequestError`, `TokenResponseError`
 * or `TokenAbortedError`.
 * @example
 * ```ts
 * import { krakenTokenProvider } from '@kraken-sockets/transport'
 * const tokens = krakenTokenProvider({ apiKey, privateKey })
 * const token = await tokens.getToken({ signal: AbortSignal.timeout(5_000) })
 * ```
 */
export function krakenTokenProvider(
  config: KrakenTokenProviderConfig,
): TokenProvider {
  const { apiKey, timeout = 10_000, maxBodyBytes = MAX_BODY_BYTES } = config
  if (typeof apiKey !== 'string' || apiKey.trim() === '')
    throw new InvalidConfigError({ option: 'apiKey', reason: 'is empty' })
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new InvalidConfigError({
      option: 'timeout',
      reason: 'must be a positive number of ms',
    })
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0)
    throw new InvalidConfigError({
      option: 'maxBodyBytes',
      reason: 'must be a positive integer',
    })
  const endpoint = tokenUrl(config.restUrl ?? 'https://api.kraken.com')
  const fetchFn = config.fetch ?? globalThis.fetch
  // Throws InvalidPrivateKeyError now, not at the first connect.
  const key = importPrivateKey(config.privateKey)
  // An import failure surfaces through getToken(); never as unhandled.
  key.catch(() => undefined)
  let shared: Shared | undefined

  const request = async (cancelled: AbortSignal): Promise<string> => {
    const cryptoKey = await key
    return serialize(async () => {
      if (cancelled.aborted) throw new TokenAbortedError()
      const body = await signedPost({
        fetchFn,
        url: endpoint,
        path: TOKEN_PATH,
        apiKey,
        privateKey: cryptoKey,
        timeout,
        maxBodyBytes,
        signal: cancelled,
      })
      return readToken(body)
    })
  }

  const start = (): Shared => {
    const controller = new AbortController()
    const entry: Shared = {
      controller,
      waiting: 0,
      pinned: false,
      promise: request(controller.signal).finally(() => {
        if (shared === entry) shared = undefined
      }),
    }
    // Callers get their own promises; this one may settle with none left.
    entry.promise.catch(() => undefined)
    return entry
  }

  return {
    getToken(options) {
      const signal = options?.signal
      if (signal?.aborted)
        return Promise.reject(new TokenAbortedError({ cause: signal.reason }))
      shared ??= start()
      const entry = shared
      if (signal === undefined) {
        entry.pinned = true
        return entry.promise
      }
      entry.waiting++
      return new Promise<string>((resolve, reject) => {
        const onAbort = () => {
          entry.waiting--
          reject(new TokenAbortedError({ cause: signal.reason }))
          // The last caller gone: cancel the request, and let the next
          // call start a fresh one.
          if (entry.waiting === 0 && !entry.pinned) {
            if (shared === entry) shared = undefined
            entry.controller.abort()
          }
        }
        signal.addEventListener('abort', onAbort, { once: true })
        entry.promise.then(
          (token) => {
            signal.removeEventListener('abort', onAbort)
            resolve(token)
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort)
            reject(error)
          },
        )
      })
    },
  }
}

function tokenUrl(restUrl: string): string {
  return privateRestUrl(TOKEN_PATH, restUrl)
}

function readToken(body: unknown): string {
  if (typeof body !== 'object' || body === null)
    throw new TokenResponseError({ details: 'the body is not an object' })
  const { error, result } = body as { error?: unknown; result?: unknown }
  if (Array.isArray(error) && error.length > 0) {
    const krakenErrors = error.map(String)
    if (krakenErrors.some((text) => text.startsWith('EAPI:Invalid key')))
      throw new InvalidApiKeyError()
    throw new TokenRequestError({ krakenErrors })
  }
  return checkTokenText(
    typeof result === 'object' && result !== null
      ? (result as { token?: unknown }).token
      : undefined,
  )
}
