import type { KrakenWebSocketAPIOptions } from '@kraken-sockets/runtime'
import type { StreamRetention } from './ensureStream.js'
import type { LeaseOptions } from './leases.js'

/** Options of `startGateway()`. */
export interface GatewayOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  servers: string | readonly string[]
  /** Subject prefix of the data subjects. @default 'kraken.spot' */
  prefix?: string | undefined
  /** JetStream stream over `<prefix>.>`. @default 'KRAKEN_SPOT' */
  stream?: string | undefined
  /** Retention of the stream when the gateway creates or updates it. */
  retention?: StreamRetention | undefined
  /**
   * Kraken subscribe frames to hold from the start (text or parsed), e.g.
   * `{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}`.
   */
  subscribe?: readonly (string | object)[] | undefined
  /**
   * Options of the gateway's `KrakenWebSocketAPI` (Kraken URLs, keys, reconnect).
   * Unset URLs come from `KRAKEN_WS_*_URL` / `KRAKEN_REST_URL`, as the runtime reads them.
   */
  kraken?: KrakenWebSocketAPIOptions | undefined
  /** Book updates between kept snapshots. @default 100 */
  snapshotEvery?: number | undefined
  /** Most ms between kept snapshots while a book changes. @default 250 */
  snapshotInterval?: number | undefined
  /**
   * Share the work with other gateways: each channel and symbol is served by
   * the gateway holding its lease in NATS KV; the others stand by and take
   * over (resubscribing at Kraken, in a new epoch) when the owner stops
   * refreshing it. `true` for the defaults. @default off (serve everything asked)
   */
  leases?: LeaseOptions | boolean | undefined
  /**
   * The name its API key's private channels (`executions`, `balances`) are
   * relayed under, on `<prefix>-gateway.private.<account>`: bots behind the
   * gateway pass the same name to `natsTransport({ account })`. A name, so
   * that the key itself never appears on NATS. @default 'default'
   */
  account?: string | undefined
  /** Called with failures the gateway survives (publish errors, bad demand). */
  onError?: ((error: Error) => void) | undefined
}

/** What `gateway.stats()` returns. */
export interface GatewayStats {
  /** Kraken frames received. */
  readonly frames: number
  /** Messages handed to NATS. */
  readonly published: number
  /** New epochs started (`reset` messages). */
  readonly resets: number
  /** Kept book snapshots written. */
  readonly keptSnapshots: number
  /** Book bodies whose checksum failed (not published; the book resyncs). */
  readonly mismatches: number
  /** Publishes NATS refused or did not acknowledge. */
  readonly publishErrors: number
  /** Demand requests answered. */
  readonly demands: number
  /** Trading requests relayed. */
  readonly tradingRequests: number
  /** Lease keys this gateway owns (with `leases`). */
  readonly leases: readonly string[]
  /** Each subject's current epoch and last sequence number. */
  readonly series: Readonly<Record<string, { epoch: number; seq: number }>>
}
