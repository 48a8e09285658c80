import type { AuthHook } from './authHook.js'
import type { ChannelDefinition } from './channels/types.js'
import type { Compatibility } from './context.js'
import type { Fault, SystemStatus } from './faults/types.js'
import type { AssetSpec, PairSpec } from './market/instruments.js'
import type { MethodDefinition } from './methods/types.js'
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
  /** Period (ms) of heartbeats to connections with a subscription. @default 1_000 */
  readonly heartbeatInterval?: number
  /** The clock (ms since the epoch) for timestamps and candles. @default Date.now */
  readonly now?: () => number
  /** Checks WS tokens of private and level3 requests. @default accept any non-empty token */
  readonly auth?: AuthHook
  /** Extra or replacement methods (part 2: trading). */
  readonly methods?: Readonly<Record<string, MethodDefinition>>
  /** Extra or replacement channels (part 2: executions, balances, level3). */
  readonly channels?: readonly ChannelDefinition[]
  /** REST routes (part 2: `POST /0/private/GetWebSocketsToken`). */
  readonly rest?: readonly RestRoute[]
  /**
   * Per-connection handlers asked before the method registry, in order
   * (part 2: the private session of each `ws-auth` connection).
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
  /** Serve pre-built frames instead of the live feeds. */
  readonly replay?: ReplayOptions
}

/** The defaults of {@link Compatibility}. */
export const defaultCompatibility: Compatibility = Object.freeze({
  heartbeatSubscription: 'reject',
  statusVersion: '2.0.10',
  maintenanceFields: true,
})
