import { createNonceGuard, type NonceGuard } from './nonceGuard.js'
import { verifyKrakenSignature } from './signature.js'
import {
  DEFAULT_TEST_CREDENTIALS,
  type SimulatorCredentials,
} from './testCredentials.js'
import type { TokenStore } from './tokenStore.js'

/** The path Kraken signs for the token request. */
export const GET_WEBSOCKETS_TOKEN_PATH = '/0/private/GetWebSocketsToken'

/** A REST request as the HTTP server hands it over. */
export type RestRequest = {
  /** Header names in any case; Node's lower-cased `IncomingHttpHeaders` fit. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** The raw body text, form-encoded (`nonce=...`) or JSON (`{"nonce":...}`). */
  readonly body: string
}

/** Kraken's REST envelope: `error` is empty on success. */
export type RestResponse = {
  /** HTTP status; Kraken answers API errors with 200 and a non-empty `error`. */
  readonly status: number
  readonly json:
    | {
        readonly error: []
        readonly result: { token: string; expires: number }
      }
    | { readonly error: [string] }
}

/** Options of {@link createGetWebSocketsTokenHandler}. */
export type GetWebSocketsTokenConfig = {
  /** Where tokens are issued. */
  readonly tokens: TokenStore
  /**
   * The API keys accepted.
   * @default [DEFAULT_TEST_CREDENTIALS]
   */
  readonly credentials?: readonly SimulatorCredentials[]
  /**
   * The nonce rule, shared with any other private route.
   * @default a new per-key guard
   */
  readonly nonces?: NonceGuard
}

/** A request header's first value, whatever the case of its name. */
export function header(request: RestRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers))
    if (key.toLowerCase() === name)
      return Array.isArray(value) ? value[0] : value
  return undefined
}

/** Reads the nonce's digits as text, so that no digit is lost to floats. */
export function readNonce(body: string): string | undefined {
  if (body.trimStart().startsWith('{'))
    return /"nonce"\s*:\s*"?(\d+)"?/.exec(body)?.[1]
  return new URLSearchParams(body).get('nonce') ?? undefined
}

function fail(error: string): RestResponse {
  return { status: 200, json: { error: [error] } }
}

/**
 * Creates the handler of `POST /0/private/GetWebSocketsToken`: it checks
 * `API-Key`, `API-Sign` (Kraken's algorithm) and the nonce, then issues a
 * token. Errors use Kraken's REST strings: `EAPI:Invalid key`,
 * `EAPI:Invalid signature`, `EAPI:Invalid nonce`, and
 * `EGeneral:Permission denied` for a key without the WebSocket permission.
 *
 * @see https://docs.kraken.com/api/docs/rest-api/get-websockets-token
 * @example
 * ```ts
 * const handle = createGetWebSocketsTokenHandler({ tokens: createTokenStore() })
 * const { status, json } = handle({ headers: req.headers, body })
 * ```
 */
export function createGetWebSocketsTokenHandler(
  config: GetWebSocketsTokenConfig,
): (request: RestRequest) => RestResponse {
  const credentials = config.credentials ?? [DEFAULT_TEST_CREDENTIALS]
  const nonces = config.nonces ?? createNonceGuard()
  return (request) => {
    const apiKey = header(request, 'api-key')
    const account = credentials.find((c) => c.apiKey === apiKey)
    if (apiKey === undefined || account === undefined)
      return fail('EAPI:Invalid key')
    const nonce = readNonce(request.body)
    if (nonce === undefined) return fail('EAPI:Invalid nonce')
    const signature = header(request, 'api-sign') ?? ''
    const input = {
      path: GET_WEBSOCKETS_TOKEN_PATH,
      nonce,
      body: request.body,
      privateKey: account.privateKey,
    }
    if (!verifyKrakenSignature(input, signature))
      return fail('EAPI:Invalid signature')
    // The nonce is spent only by a correctly signed request.
    if (!nonces.accept(apiKey, nonce)) return fail('EAPI:Invalid nonce')
    if (account.webSocket === false) return fail('EGeneral:Permission denied')
    const { token, expires } = config.tokens.issue(apiKey)
    return { status: 200, json: { error: [], result: { token, expires } } }
  }
}
