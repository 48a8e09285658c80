import type { EndpointKind } from './server/endpoints.js'

/** A token check the server asks for (private and level3 requests). */
export type AuthRequest = {
  readonly token: string
  readonly endpoint: EndpointKind
  /** The connection's `connection_id`. */
  readonly connection: string
  readonly method: string
  /** The channel, for subscribe and unsubscribe. */
  readonly channel?: string
}

/** The answer of an {@link AuthHook}: the account the token belongs to, or Kraken's error. */
export type AuthDecision =
  | { readonly ok: true; readonly account: string }
  | { readonly ok: false; readonly error: string }

/**
 * Checks the WS token of a private or level3 request. Must not log the token.
 * The simulator's default accepts only tokens it issued through
 * `GetWebSocketsToken` (option `auth: 'tokens'`).
 */
export type AuthHook = (request: AuthRequest) => AuthDecision

/** Kraken's answer to a missing or unknown token on subscribe (live). */
export const INVALID_SESSION = 'ESession:Invalid session'

/** Any non-empty token is accepted, as account `default` (option `auth: 'any-token'`). */
export const acceptAnyToken: AuthHook = ({ token }) =>
  token.length > 0
    ? { ok: true, account: 'default' }
    : { ok: false, error: INVALID_SESSION }
