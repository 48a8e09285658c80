import { InvalidUrlError } from '../errors.js'
import { isLoopbackHost, redactUrl } from '../internal/url.js'
import {
  TokenAbortedError,
  TokenError,
  TokenHttpError,
  TokenRequestError,
  TokenResponseError,
  TokenTimeoutError,
} from './errors.js'
import { nextNonce } from './nonce.js'
import { readCappedBody } from './readCappedBody.js'
import { signKrakenRequest } from './sign.js'

/** One signed call of {@link signedPost}. */
export type SignedPost = {
  readonly fetchFn: typeof globalThis.fetch
  /** The full URL (from {@link privateRestUrl}). */
  readonly url: string
  /** The path that is signed, e.g. `/0/private/OpenOrders`. */
  readonly path: string
  readonly apiKey: string
  readonly privateKey: CryptoKey
  /** Form fields besides the nonce. */
  readonly params?: Readonly<Record<string, string>> | undefined
  /** Ms the whole call may take, body included. */
  readonly timeout: number
  /** Largest body read (bytes), refused while it streams. */
  readonly maxBodyBytes: number
  /** Cancels the call: it rejects with `TokenAbortedError`. */
  readonly signal?: AbortSignal | undefined
}

/**
 * One signed `POST` to a private REST method, shared by the token provider
 * and {@link krakenPrivateRest}: a fresh nonce, `API-Key` and `API-Sign`,
 * redirects never followed, the body capped while it streams, one deadline.
 * Call it inside `serialize()` so that nonces reach Kraken in order.
 * Resolves with the parsed JSON body (Kraken's `{ error, result }`).
 * @throws {TokenError} `TokenHttpError`, `TokenTimeoutError`,
 * `TokenAbortedError`, `TokenResponseError` (not JSON) or `TokenRequestError`
 * (network failure).
 */
export async function signedPost(call: SignedPost): Promise<unknown> {
  const { signal, timeout } = call
  const nonce = nextNonce()
  const body = new URLSearchParams({ nonce, ...call.params }).toString()
  const sign = await signKrakenRequest({
    privateKey: call.privateKey,
    path: call.path,
    nonce,
    body,
  })
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeout)
  const cancel = () => controller.abort()
  signal?.addEventListener('abort', cancel, { once: true })
  try {
    const response = await call.fetchFn(call.url, {
      method: 'POST',
      headers: {
        'API-Key': call.apiKey,
        'API-Sign': sign,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
      redirect: 'manual',
      signal: controller.signal,
    })
    checkStatus(response)
    return JSON.parse(await readCappedBody(response, call.maxBodyBytes))
  } catch (error) {
    if (timedOut) throw new TokenTimeoutError({ timeout })
    if (signal?.aborted) throw new TokenAbortedError()
    if (error instanceof SyntaxError)
      throw new TokenResponseError({ details: 'the body is not JSON' })
    if (error instanceof TokenError) throw error
    throw new TokenRequestError({ details: 'network failure', cause: error })
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', cancel)
  }
}

/**
 * Refuses a redirect (never followed: the signed headers must not travel to
 * wherever it points, and a token fetched there is not Kraken's) and an HTTP
 * error status. The unread body is released.
 * @throws {TokenHttpError}
 */
export function checkStatus(response: Response): void {
  const redirect =
    response.type === 'opaqueredirect' ||
    (response.status >= 300 && response.status < 400)
  if (redirect || response.redirected || !response.ok) {
    response.body?.cancel().catch(() => undefined)
    throw new TokenHttpError({
      status: response.status,
      ...(redirect || response.redirected
        ? {
            details:
              'GetWebSocketsToken redirected; redirects are never followed, since they would carry the signed API-Key and API-Sign headers.',
          }
        : {}),
    })
  }
}

/**
 * The URL of a private REST `path` under `restUrl`: https:, or http: on
 * loopback only (the signed headers must not travel in clear text).
 * @throws {InvalidUrlError}
 */
export function privateRestUrl(path: string, restUrl: string): string {
  let url: URL
  try {
    url = new URL(path, restUrl)
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
