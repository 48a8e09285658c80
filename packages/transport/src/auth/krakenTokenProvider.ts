import { InvalidConfigError, InvalidUrlError } from '../errors.js'
import { isLoopbackHost, redactUrl } from '../internal/url.js'
import {
  InvalidApiKeyError,
  TokenError,
  TokenHttpError,
  TokenRequestError,
  TokenResponseError,
  TokenTimeoutError,
} from './errors.js'
import { nextNonce, serialize } from './nonce.js'
import { importPrivateKey, signKrakenRequest } from './sign.js'

/**
 * Supplies WebSocket tokens. The runtime asks on every connect of an
 * authenticated socket and again after `ESession:Invalid session`.
 */
export type TokenProvider = {
  /** Resolves with a token; never cached across calls, shared while in flight. */
  getToken(): Promise<string>
}

/** Options of {@link krakenTokenProvider}. */
export type KrakenTokenProviderConfig = {
  /** Kraken API key (public part). */
  apiKey: string
  /** Kraken API private key, base64 as Kraken shows it. */
  privateKey: string
  /** REST base URL; https: unless loopback. @default 'https://api.kraken.com' */
  restUrl?: string | undefined
  /** Time (ms) allowed for the whole request. @default 10_000 */
  timeout?: number | undefined
  /** `fetch` implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined
}

const TOKEN_PATH = '/0/private/GetWebSocketsToken'

/**
 * The default token provider: signs `POST /0/private/GetWebSocketsToken` with
 * `API-Key` and `API-Sign` (HMAC-SHA512 via WebCrypto). Server side only: a
 * browser must get its token from the user's own server, never hold the secret.
 * Concurrent `getToken()` calls share one request; each later call fetches a
 * fresh token. Keys live in a closure, so `inspect()` shows none of them.
 *
 * @see https://docs.kraken.com/api/docs/rest-api/get-websockets-token
 * @throws {InvalidPrivateKeyError | InvalidConfigError | InvalidUrlError} at once
 * for a malformed private key, a missing API key or an insecure URL.
 * `getToken()` rejects with `InvalidApiKeyError`, `TokenHttpError`,
 * `TokenTimeoutError`, `TokenRequestError` or `TokenResponseError`.
 * @example
 * ```ts
 * import { krakenTokenProvider } from '@kraken-sockets/transport'
 * const tokens = krakenTokenProvider({ apiKey, privateKey })
 * const token = await tokens.getToken()
 * ```
 */
export function krakenTokenProvider(
  config: KrakenTokenProviderConfig,
): TokenProvider {
  const { apiKey, timeout = 10_000 } = config
  if (typeof apiKey !== 'string' || apiKey.trim() === '')
    throw new InvalidConfigError({ option: 'apiKey', reason: 'is empty' })
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new InvalidConfigError({
      option: 'timeout',
      reason: 'must be a positive number of ms',
    })
  const endpoint = tokenUrl(config.restUrl ?? 'https://api.kraken.com')
  const fetchFn = config.fetch ?? globalThis.fetch
  // Throws InvalidPrivateKeyError now, not at the first connect.
  const key = importPrivateKey(config.privateKey)
  // An import failure surfaces through getToken(); never as unhandled.
  key.catch(() => undefined)
  let inFlight: Promise<string> | undefined

  const request = async (): Promise<string> => {
    const cryptoKey = await key
    return serialize(async () => {
      const nonce = nextNonce()
      const body = `nonce=${nonce}`
      const sign = await signKrakenRequest({
        privateKey: cryptoKey,
        path: TOKEN_PATH,
        nonce,
        body,
      })
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), timeout)
      try {
        const response = await fetchFn(endpoint, {
          method: 'POST',
          headers: {
            'API-Key': apiKey,
            'API-Sign': sign,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body,
          signal: controller.signal,
        })
        if (!response.ok) throw new TokenHttpError({ status: response.status })
        return readToken(await response.json())
      } catch (error) {
        if (controller.signal.aborted) throw new TokenTimeoutError({ timeout })
        if (error instanceof SyntaxError)
          throw new TokenResponseError({ details: 'the body is not JSON' })
        if (error instanceof TokenError) throw error
        throw new TokenRequestError({
          details: 'network failure',
          cause: error,
        })
      } finally {
        clearTimeout(timer)
      }
    })
  }

  return {
    getToken() {
      inFlight ??= request().finally(() => {
        inFlight = undefined
      })
      return inFlight
    },
  }
}

function tokenUrl(restUrl: string): string {
  let url: URL
  try {
    url = new URL(TOKEN_PATH, restUrl)
  } catch {
    throw new InvalidUrlError({
      url: redactUrl(restUrl),
      reason: 'restUrl does not parse as a URL',
    })
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && isLoopbackHost(url.hostname))
  )
    throw new InvalidUrlError({
      url: redactUrl(restUrl),
      reason:
        'restUrl must use https: (plain http: is allowed on loopback only)',
    })
  return url.toString()
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
  const token =
    typeof result === 'object' && result !== null
      ? (result as { token?: unknown }).token
      : undefined
  if (typeof token !== 'string' || token === '')
    throw new TokenResponseError({ details: 'result.token is missing' })
  return token
}
