import { randomBytes as nodeRandomBytes } from 'node:crypto'

/** Options of {@link createTokenStore}. */
export type TokenStoreConfig = {
  /**
   * How long (ms) a token lives without being used.
   * @default 900_000
   */
  readonly ttl?: number
  /**
   * The clock (ms since the epoch).
   * @default Date.now
   */
  readonly now?: () => number
  /**
   * Source of random bytes for new tokens (inject a seeded one for
   * reproducible runs).
   * @default node:crypto randomBytes
   */
  readonly randomBytes?: (size: number) => Uint8Array
}

/** A token as `GetWebSocketsToken` returns it. */
export type IssuedToken = {
  readonly token: string
  /** Seconds the token lives unused, as Kraken's `expires`. */
  readonly expires: number
}

/** The WebSocket tokens the simulator has issued. */
export type TokenStore = {
  /** Issues a new token for the API key `owner`. */
  issue(owner: string): IssuedToken
  /**
   * Whether `token` is valid now; a valid token counts as used, which
   * restarts its lifetime.
   */
  validate(token: string): boolean
  /** The API key a valid token belongs to, without counting as a use. */
  ownerOf(token: string): string | undefined
  /**
   * Keeps `token` alive while a private subscription uses it (Kraken: a
   * token does not expire while its connection and subscription last).
   * Returns a function that releases this hold.
   */
  retain(token: string): () => void
  /** Invalidates `token`. */
  revoke(token: string): void
}

type TokenState = { owner: string; lastUsed: number; holds: number }

/**
 * Creates the simulator's WebSocket token store: tokens expire when unused
 * for `ttl` (15 minutes, as on Kraken) and never while retained.
 *
 * @example
 * ```ts
 * const tokens = createTokenStore()
 * const { token } = tokens.issue(apiKey)
 * tokens.validate(token) // true
 * ```
 */
export function createTokenStore(config: TokenStoreConfig = {}): TokenStore {
  const ttl = config.ttl ?? 900_000
  const now = config.now ?? Date.now
  const randomBytes = config.randomBytes ?? nodeRandomBytes
  const tokens = new Map<string, TokenState>()

  function live(token: string): TokenState | undefined {
    const state = tokens.get(token)
    if (state === undefined) return undefined
    if (state.holds === 0 && now() - state.lastUsed >= ttl) {
      tokens.delete(token)
      return undefined
    }
    return state
  }

  return {
    issue(owner) {
      let token: string
      do token = Buffer.from(randomBytes(32)).toString('base64').slice(0, 43)
      while (tokens.has(token))
      tokens.set(token, { owner, lastUsed: now(), holds: 0 })
      return { token, expires: Math.round(ttl / 1000) }
    },
    validate(token) {
      const state = live(token)
      if (state === undefined) return false
      state.lastUsed = now()
      return true
    },
    ownerOf: (token) => live(token)?.owner,
    retain(token) {
      const state = live(token)
      if (state === undefined) return () => {}
      state.holds++
      let released = false
      return () => {
        if (released) return
        released = true
        state.holds--
        state.lastUsed = now()
      }
    },
    revoke: (token) => {
      tokens.delete(token)
    },
  }
}
