import type { ConnectionBudget } from './budget.js'
import type { TransportEndpoint } from './types.js'

/** Reconnect policy: exponential backoff with full jitter, and a cap. */
export type ReconnectConfig = {
  /** Ceiling of the first wait (ms); the wait is uniform below it. @default 1_000 */
  initialDelay?: number | undefined
  /** Ceiling of any backoff wait (ms). @default 30_000 */
  maxDelay?: number | undefined
  /** Growth of the ceiling per consecutive failure. @default 2 */
  factor?: number | undefined
  /**
   * The failure count resets only after a socket stayed open this long (ms),
   * so a server that accepts then drops at once still backs off. @default 10_000
   */
  minUptime?: number | undefined
  /** Consecutive failed attempts before giving up. @default Infinity */
  attempts?: number | undefined
  /** Source of jitter in [0, 1). @default Math.random */
  random?: (() => number) | undefined
}

/** Options shared by `webSocket()` and `nodeWebSocket()`. */
export type SocketTransportConfig = {
  /**
   * Socket URL. Wins over the URL the client passes.
   * @default the client's URL, else Kraken's URL for `endpoint`
   */
  url?: string | undefined
  /** Which socket this is (private and level3 need wss: off loopback). @default the client's, else 'public' */
  endpoint?: TransportEndpoint | undefined
  /** Silence (ms) after which the socket is declared stale and replaced. @default 10_000 */
  staleAfter?: number | undefined
  /** Period (ms) of the app-level `ping`; must be below `staleAfter`. @default staleAfter / 2 */
  pingInterval?: number | undefined
  /** Time (ms) allowed for the opening handshake. @default 10_000 */
  connectTimeout?: number | undefined
  /** Time (ms) `close()` waits for the closing handshake. @default 1_000 */
  closeTimeout?: number | undefined
  /** `false` disables reconnecting. @default true (the defaults of ReconnectConfig) */
  reconnect?: boolean | ReconnectConfig | undefined
  /**
   * Connection-attempt budget; share one between all sockets of a client.
   * @default the client's budget, else one per factory (100 attempts / 10 min)
   */
  budget?: ConnectionBudget | undefined
  /**
   * Kraken error prefixes that stop the transport for good when a frame's
   * `error` starts with one. `false` turns detection off.
   * @default ['EAPI:Invalid key', 'EGeneral:Permission denied']
   */
  fatalErrors?: readonly string[] | false | undefined
}
