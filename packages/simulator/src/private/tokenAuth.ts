import {
  createGetWebSocketsTokenHandler,
  GET_WEBSOCKETS_TOKEN_PATH,
} from '../auth/getWebSocketsToken.js'
import { createNonceGuard, type NonceGuard } from '../auth/nonceGuard.js'
import {
  DEFAULT_TEST_CREDENTIALS,
  type SimulatorCredentials,
} from '../auth/testCredentials.js'
import { createTokenStore, type TokenStore } from '../auth/tokenStore.js'
import { type AuthHook, acceptAnyToken, INVALID_SESSION } from '../authHook.js'
import type { SessionTokens } from '../exchange/privateSession.js'
import type { RestRoute } from '../server/restRouter.js'
import type { SessionHandle } from '../session/types.js'

/** The account of the default credentials, and of `auth: 'any-token'`. */
export const DEFAULT_ACCOUNT = 'default'

/** Options of {@link createTokenAuth}: the `startSimulator` options it reads. */
export type TokenAuthOptions = {
  readonly auth?: AuthHook | 'tokens' | 'any-token'
  readonly apiKey?: string
  readonly privateKey?: string
  readonly tokenTtl?: number
  readonly webSocketPermission?: boolean
  readonly now: () => number
}

/** The simulator's WS token checks, shared by the dispatcher and the private sessions. */
export type TokenAuth = {
  /** The hook the dispatcher asks (level3, and any token-checked plugin method). */
  readonly hook: AuthHook
  /** The `GetWebSocketsToken` route. */
  readonly route: RestRoute
  /** What one connection's private session checks tokens with. */
  sessionTokens(session: SessionHandle): SessionTokens
  /** Issues a token for the configured API key, as `GetWebSocketsToken` would. */
  issueToken(): string
  /** The API key pair private REST routes accept (its account is {@link DEFAULT_ACCOUNT}). */
  readonly credentials: SimulatorCredentials
  /** The per-key nonce rule every private REST route shares, as on Kraken. */
  readonly nonces: NonceGuard
}

/**
 * Builds the token side of the simulator: a signed `GetWebSocketsToken`
 * route issuing tokens that expire unused after `tokenTtl`, and the checks
 * of the `auth` option (`'tokens'`, `'any-token'`, or a custom hook).
 */
export function createTokenAuth(options: TokenAuthOptions): TokenAuth {
  const apiKey = options.apiKey ?? DEFAULT_TEST_CREDENTIALS.apiKey
  const privateKey = options.privateKey ?? DEFAULT_TEST_CREDENTIALS.privateKey
  const store: TokenStore = createTokenStore({
    now: options.now,
    ...(options.tokenTtl === undefined ? {} : { ttl: options.tokenTtl }),
  })
  const nonces = createNonceGuard()
  const credentials = {
    apiKey,
    privateKey,
    webSocket: options.webSocketPermission ?? true,
  }
  const handle = createGetWebSocketsTokenHandler({
    tokens: store,
    credentials: [credentials],
    nonces,
  })
  const route: RestRoute = {
    method: 'POST',
    path: GET_WEBSOCKETS_TOKEN_PATH,
    handler: (request) => {
      const { status, json } = handle(request)
      return {
        status,
        body:
          'result' in json
            ? { error: [], result: { ...json.result } }
            : { error: [...json.error] },
      }
    },
  }
  const issueToken = () => store.issue(apiKey).token
  // Accounts are named after the key, the default key being `default`.
  const accountOf = (owner: string) =>
    owner === apiKey ? DEFAULT_ACCOUNT : owner
  const mode = options.auth ?? 'tokens'
  if (mode === 'tokens') {
    const hook: AuthHook = ({ token }) => {
      const owner = store.validate(token) ? store.ownerOf(token) : undefined
      return owner === undefined
        ? { ok: false, error: INVALID_SESSION }
        : { ok: true, account: accountOf(owner) }
    }
    const tokens: SessionTokens = {
      validate: (token) => store.validate(token),
      ownerOf: (token) => {
        const owner = store.ownerOf(token)
        return owner === undefined ? undefined : accountOf(owner)
      },
      retain: (token) => store.retain(token),
    }
    return {
      hook,
      route,
      sessionTokens: () => tokens,
      issueToken,
      credentials,
      nonces,
    }
  }
  const hook = mode === 'any-token' ? acceptAnyToken : mode
  return {
    hook,
    route,
    issueToken,
    credentials,
    nonces,
    sessionTokens(session) {
      const ask = (token: string) =>
        hook({
          token,
          endpoint: session.endpoint,
          connection: session.id,
          method: 'subscribe',
        })
      return {
        validate: (token) => ask(token).ok,
        ownerOf: (token) => {
          const decision = ask(token)
          return decision.ok ? decision.account : undefined
        },
        retain: () => () => {},
      }
    },
  }
}
