import type { SimulatorClientOptions } from './clientOptions.js'
import type { Exchange } from './exchange/exchangeTypes.js'
import type { SystemStatus } from './exchange/types.js'
import type { Fault } from './faults/types.js'
import type { RestRoute } from './server/restRouter.js'
import type { SessionHandle } from './session/types.js'
import type {
  RequestFilter,
  RequestRecord,
  SimulatorStats,
} from './stats/stats.js'

/** A running simulator. */
export type Simulator = {
  /** The public market-data endpoint, like `wss://ws.kraken.com/v2`. */
  readonly publicUrl: string
  /** The private endpoint, like `wss://ws-auth.kraken.com/v2`. */
  readonly privateUrl: string
  /** The level3 endpoint, like `wss://ws-l3.kraken.com/v2` (the private one with `level3Host: 'auth'`). */
  readonly level3Url: string
  /** The REST base URL, like `https://api.kraken.com`. */
  readonly restUrl: string
  /**
   * Every URL and the API key pair a client needs, under the runtime's option
   * names: `new KrakenWebSocketAPI(simulator.clientOptions())`. The keys are
   * the simulator's own (`options.apiKey` / `options.privateKey`, else
   * `DEFAULT_TEST_CREDENTIALS`), never Kraken's.
   */
  clientOptions(): SimulatorClientOptions
  readonly port: number
  /** What the simulator saw and did. */
  readonly stats: SimulatorStats
  /** The engine status new connections are told. */
  readonly system: SystemStatus
  /** Injects a fault now (or after `fault.after` ms). */
  inject(fault: Fault): void
  /** Runs `count` market steps now, publishing their frames (for `rate: 0`). @default 1 */
  step(count?: number): void
  /** Sends `frame` to the subscribers of a hub topic (for channels of your own); returns how many. */
  publish(topic: string, frame: string): number
  /**
   * Resolves with the first request matching `filter`, already received or
   * coming; rejects with `SimulatorClosedError` if the simulator closes first.
   */
  waitForRequest(filter: RequestFilter): Promise<RequestRecord>
  /** Adds a REST route. */
  route(route: RestRoute): void
  /** The open connections. */
  connections(): SessionHandle[]
  /**
   * The trading engine behind the private endpoint (balances, orders,
   * `deposit`, `setPairStatus`). The default credentials' account is `default`.
   */
  readonly exchange: Exchange
  /**
   * Issues a WS token for the configured API key without the REST round
   * trip (`POST /0/private/GetWebSocketsToken` on `restUrl` does the same).
   */
  issueToken(): string
  /** Timers the simulator has pending (0 after `close()`). */
  readonly activeTimers: number
  /** Stops everything: timers, sockets, server. */
  close(): Promise<void>
}
