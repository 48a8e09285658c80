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

/** Options of {@link krakenPrivateRest}. */
export interface KrakenPrivateRestConfig {
  readonly apiKey: string
  /** Base64 API private key. */
  readonly privateKey: string
  /** @default 'https://api.kraken.com' */
  readonly restUrl?: string | undefined
  /** @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** Ms one call may take. @default 10_000 */
  readonly timeout?: number | undefined
  /** Largest body read (bytes). @default 65_536 */
  readonly maxBodyBytes?: number | undefined
}

/**
 * Calls the private REST method `method` (e.g. `OpenOrders`) with form
 * `params` and resolves with its `result`.
 */
export type KrakenPrivateRest = (
  method: string,
  params?: Readonly<Record<string, string>>,
  options?: { signal?: AbortSignal | undefined },
) => Promise<unknown>

/**
 * Signed calls to Kraken's private REST methods, the same way as
 * {@link krakenTokenProvider} fetches tokens: one process-wide increasing
 * nonce, calls serialised, bodies capped, redirects never followed.
 * Failures reject with the auth module's `TokenError` family
 * (`InvalidApiKeyError`, `TokenHttpError`, `TokenRequestError` with Kraken's
 * errors, `TokenResponseError`, `TokenTimeoutError`, `TokenAbortedError`).
 * @throws {InvalidPrivateKeyError | InvalidConfigError} at once for bad keys.
 * @example
 * ```ts
 * const rest = krakenPrivateRest({ apiKey, privateKey })
 * const { open } = (await rest('OpenOrders', { cl_ord_id: id })) as { open: object }
 * ```
 */
export function krakenPrivateRest(
  config: KrakenPrivateRestConfig,
): KrakenPrivateRest {
  const { apiKey, timeout = 10_000, maxBodyBytes = 65_536 } = config
  if (typeof apiKey !== 'string' || apiKey.trim() === '')
    throw new InvalidConfigError({ option: 'apiKey', reason: 'is empty' })
  const restUrl = config.restUrl ?? 'https://api.kraken.com'
  const fetchFn = config.fetch ?? globalThis.fetch
  const key = importPrivateKey(config.privateKey)
  key.catch(() => undefined)
  return async (method, params = {}, options = {}) => {
    const path = `/0/private/${method}`
    const url = privateRestUrl(path, restUrl)
    const cryptoKey = await key
    return serialize(async () => {
      const signal = options.signal
      if (signal?.aborted) throw new TokenAbortedError()
      const body = await signedPost({
        fetchFn,
        url,
        path,
        apiKey,
        privateKey: cryptoKey,
        params,
        timeout,
        maxBodyBytes,
        signal,
      })
      return readResult(body)
    })
  }
}

function readResult(body: unknown): unknown {
  if (typeof body !== 'object' || body === null)
    throw new TokenResponseError({ details: 'the body is not an object' })
  const { error, result } = body as { error?: unknown; result?: unknown }
  if (Array.isArray(error) && error.length > 0) {
    const krakenErrors = error.map(String)
    if (krakenErrors.some((text) => text.startsWith('EAPI:Invalid key')))
      throw new InvalidApiKeyError()
    throw new TokenRequestError({ krakenErrors })
  }
  return result
}
