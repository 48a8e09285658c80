import type {
  SystemStatus as SchemaSystemStatus,
  StatusResponse,
} from '@kraken-sockets/schema'
import type {
  ConnectionEvent,
  TransportEndpoint,
  TransportError,
  TransportStatus,
} from '@kraken-sockets/transport'
import type { BookEvent, BookStats } from '../books/liveBook.js'
import type { KrakenSocketsError } from '../errors.js'
import type { GapEvent } from '../shared/gap.js'
import type { SubscriptionHealthEvent } from '../subscriptions/subscriptionLiveness.js'
import type { OrderEvent } from '../trading/orderTrackerTypes.js'
import type { TriggerStats } from '../triggers/triggerRegistry.js'

/** Kraken's trading engine state, from `status` frames (schema's `SystemStatus`). */
export type SystemStatus = SchemaSystemStatus

/**
 * Kraken's trading engine state.
 * @deprecated Use {@link SystemStatus}, the one name every package uses; this alias goes in the next minor version.
 */
export type SystemState = SystemStatus

/** What the runtime's `status` event carries: the system state changed. */
export interface SystemStatusEvent {
  /** The socket whose `status` frame reported it. */
  readonly endpoint: TransportEndpoint
  /** The new state (`online`, `maintenance`, `cancel_only`, `post_only`). */
  readonly system: SystemStatus | (string & {})
  /** The state this socket reported before, if any. */
  readonly previous: string | undefined
  /** The decoded `status` value. */
  readonly response: StatusResponse
}

/** Everything the runtime reports on `error`: its own errors and the transports'. */
export type KrakenErrorEvent = KrakenSocketsError | TransportError

/** The runtime's events and their payloads: `kraken.on(event, listener)`. */
export interface KrakenEventMap {
  /**
   * Undecodable frames (`DecodeFailureError`, with the raw text), handler
   * and task failures, book sync failures, connection and auth failures.
   * With no listener, errors go to the logger.
   */
  error: KrakenErrorEvent
  /** Socket lifecycle: connecting, open, stale, reconnecting, closed. */
  connection: ConnectionEvent
  /** Data may be missing: a consumer fell behind, or a socket reconnected. */
  gap: GapEvent
  /** Kraken's system status changed (`maintenance` raises the reconnect delay to 5 s). */
  status: SystemStatusEvent
  /** A managed book changed state (in sync, resyncing, out of sync, failed). */
  book: BookEvent
  /** A tracked order opened, changed, filled or ended (from `executions`). */
  order: OrderEvent
  /** A live subscription went silent while its socket stayed up, and was resubscribed. */
  subscription: SubscriptionHealthEvent
}

/** What `kraken.stats()` returns: a snapshot of the runtime's counters. */
export interface KrakenStats {
  /** Frames received on every socket. */
  readonly frames: number
  /** Frames, or items of frames, that failed to decode. */
  readonly decodeErrors: number
  /** Decoded responses per channel (`ticker`, `book`, ...) or method (`subscribe`, `pong`, ...). */
  readonly channels: Readonly<Record<string, number>>
  /** Handler queues: depths, busy handlers, values dropped (overflows). */
  readonly handlers: TriggerStats
  /** Reconnects per socket since the client started. */
  readonly reconnects: Readonly<Record<TransportEndpoint, number>>
  /** Book resyncs started (a checksum failed). */
  readonly resyncs: number
  /** Every managed book's counters. */
  readonly books: readonly BookStats[]
  /** Subscription intents by state. */
  readonly subscriptions: {
    readonly pending: number
    readonly live: number
    readonly rejected: number
  }
  /** Each opened socket's status. */
  readonly connections: Readonly<
    Partial<Record<TransportEndpoint, TransportStatus>>
  >
}
