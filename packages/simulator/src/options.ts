import type { RateTier, RateTierLimits } from '@kraken-sockets/schema'
import type { AuthHook } from './authHook.js'
import type { ChannelDefinition } from './channels/types.js'
import type { Compatibility } from './context.js'
import type { Fees } from './exchange/context.js'
import type { Scheduler } from './exchange/time.js'
import type { SystemStatus } from './exchange/types.js'
import type { Fault } from './faults/types.js'
import type { AssetSpec, PairSpec } from './market/instruments.js'
import type { MarketOption } from './market/live/marketOption.js'
import type { MethodDefinition } from './methods/types.js'
import type { RecordSink } from './recording/recordOption.js'
import type { ReplayOptions } from './replay/replay.js'
import type { Level3Host } from './server/endpoints.js'
import type { RestRoute } from './server/restRouter.js'
import type { ConnectionHandlerFactory } from './session/types.js'

/** Options of `startSimulator`. */
export type SimulatorOptions = {
  /** The port to listen on. @default 0 (any free port) */
  readonly port?: number
  /** The interface to listen on. @default '127.0.0.1' */
  readonly host?: string
  /** Seed of the market and the connection ids: one seed, the same frames. @default 1 */
  readonly seed?: string | number
  /** The pairs traded. @default DEFAULT_PAIRS (BTC/USD, ETH/USD, SOL/USD, XRP/USD, ETH/BTC, ALGO/USD, MATIC/USD, EUR/USD) */
  readonly pairs?: readonly PairSpec[]
  /** The assets of the `instrument` channel. @default DEFAULT_ASSETS */
  readonly assets?: readonly AssetSpec[]
  /** Market steps per second over all symbols; 0 stops the timer (use `step()`). @default 20 */
  readonly rate?: number
  /** Period (ms) of the market timer. @default 10 */
  readonly tickInterval?: number
  /**
   * Closes a connection (code 1001, reason `Idle timeout`) once its client
   * has sent no message for this many ms; any message, such as a `ping`,
   * restarts the wait. Kraken closes idle connections after about 60_000
   * (SPEC §2.6); off by default so that quiet test clients stay connected.
   * @default false
   */
  readonly idleTimeout?: number | false
  /** Period (ms) of heartbeats to connections with a subscription. @default 1_000 */
  readonly heartbeatInterval?: number
  /** The clock (ms since the epoch) for timestamps, candles, tokens and the engine. @default Date.now */
  readonly now?: () => number
  /**
   * Checks WS tokens of private and level3 requests: `'tokens'` accepts only
   * tokens issued by `POST /0/private/GetWebSocketsToken` (unused for
   * `tokenTtl` they expire); `'any-token'` accepts any non-empty token (as
   * the default account); or your own hook.
   * @default 'tokens'
   */
  readonly auth?: AuthHook | 'tokens' | 'any-token'
  /** The API key `GetWebSocketsToken` accepts. @default DEFAULT_TEST_CREDENTIALS.apiKey */
  readonly apiKey?: string
  /** The base64 private key that signs `GetWebSocketsToken`. @default DEFAULT_TEST_CREDENTIALS.privateKey */
  readonly privateKey?: string
  /** How long (ms) an issued WS token lives unused. @default 900_000 (15 minutes, as on Kraken) */
  readonly tokenTtl?: number
  /**
   * Whether the API key has Kraken's "WebSocket interface" permission;
   * without it `GetWebSocketsToken` answers `EGeneral:Permission denied`.
   * @default true
   */
  readonly webSocketPermission?: boolean
  /**
   * Opening balances of every account (asset → amount).
   * @default DEFAULT_BALANCES
   */
  readonly balances?: Readonly<Record<string, number>>
  /**
   * The trading rate-limit tier (Kraken's counter per pair), or `false` for no limit.
   * @default 'starter' (threshold 60, decay 1/s, 60 open orders per pair)
   */
  readonly rateTier?: RateTier | RateTierLimits | false
  /**
   * Fee rates: flat (`{ maker, taker }`), or by the account's 30-day volume
   * (`{ tiers }`). Fills charge the account's tier; `AssetPairs` shows the
   * table.
   * @default Kraken's spot schedule, `{ tiers: KRAKEN_SPOT_FEE_TIERS }`
   */
  readonly fees?: Fees
  /**
   * Timers of the trading engine (dead man's switch, GTD expiry); inject a
   * fake one to drive them in tests.
   * @default the simulator's own timers (cleared by `close()`)
   */
  readonly scheduler?: Scheduler
  /**
   * Records every connection's frames, both ways, with timestamps, as JSON
   * Lines: a file path (appended to) or a sink. WS tokens are redacted.
   * @default no recording
   */
  readonly record?: string | RecordSink
  /** Extra or replacement methods (they take precedence over the built-in trading methods). */
  readonly methods?: Readonly<Record<string, MethodDefinition>>
  /** Extra or replacement channels (they take precedence over the built-in executions and balances). */
  readonly channels?: readonly ChannelDefinition[]
  /** Extra REST routes (`POST /0/private/GetWebSocketsToken` is built in; a route here replaces it). */
  readonly rest?: readonly RestRoute[]
  /**
   * Per-connection handlers asked before the method registry, in order
   * (before the built-in private session of each `ws-auth` connection).
   */
  readonly connectionHandlers?: readonly ConnectionHandlerFactory[]
  /** Where level3 is served (SPEC §1, unsure). @default 'l3' (its own path) */
  readonly level3Host?: Level3Host
  /** Behaviour SPEC.md marks unsure. */
  readonly compatibility?: Partial<Compatibility>
  /** The engine status at start. @default 'online' */
  readonly system?: SystemStatus
  /** Faults applied at start (lasting ones reach every later connection). */
  readonly faults?: readonly Fault[]
  /** Serve pre-built frames, or a recording, instead of the live feeds. */
  readonly replay?: ReplayOptions
  /**
   * Where market data comes from: the seeded random walk, or a live
   * upstream public feed (`{ live: 'wss://ws.kraken.com/v2' }`) whose book,
   * trades and ticker local clients see and the exchange fills against
   * (paper trading); `startSimulator` then waits for every book snapshot.
   * @default 'random'
   */
  readonly market?: MarketOption
  /**
   * A JSON file keeping the default account's balances between runs: read
   * at start (instead of `balances`) when it exists, rewritten after each
   * balance change and at `close()`.
   * @default no file
   */
  readonly paperAccount?: string
}

/** The defaults of {@link Compatibility}. */
export const defaultCompatibility: Compatibility = Object.freeze({
  heartbeatSubscription: 'reject',
  statusVersion: '2.0.10',
  maintenanceFields: true,
})
