import type { ConnectionBudget } from './budget.js'
import type { TransportError } from './errors.js'
import type { RequestIdAllocator } from './requestIds.js'

/** Which Kraken socket a transport serves; private and level3 carry tokens. */
export type TransportEndpoint = 'public' | 'private' | 'level3'

/** Lifecycle of the connection behind a transport. */
export type TransportStatus =
  | 'idle'
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'closed'

/** Why a socket went away, or why the next attempt waits. */
export type ConnectionReason =
  /** `close()` was called: the only deliberate close. */
  | { kind: 'client' }
  /** `reconnect()` was called: the socket is replaced on purpose. */
  | { kind: 'requested' }
  /** The server closed the socket (maintenance, restarts, idle close). */
  | { kind: 'server'; code: number; reason: string }
  /** Nothing arrived for `silentFor` ms: the socket was declared dead. */
  | { kind: 'stale'; silentFor: number }
  /** The socket failed (refused, reset, handshake timeout). */
  | { kind: 'error'; error: TransportError }
  /** A fatal Kraken error, or `fail()`: retrying cannot help. */
  | { kind: 'fatal'; error: TransportError }
  /** The shared connection budget is spent: the attempt waits for a slot. */
  | { kind: 'budget' }

/** Fields every lifecycle event carries. */
export type ConnectionEventBase = {
  endpoint: TransportEndpoint
  /** The socket URL with credentials and query values redacted. */
  url: string
}

/** A lifecycle event, discriminated by `status`. */
export type ConnectionEvent = ConnectionEventBase &
  (
    | { status: 'connecting'; attempt: number }
    | { status: 'open'; attempt: number }
    | { status: 'stale'; silentFor: number }
    | {
        status: 'reconnecting'
        /** Number of the next attempt since the connection was last stable. */
        attempt: number
        /** Wait before the next attempt (ms). */
        delay: number
        /** What set `delay`: the backoff, the minimum delay, or the budget. */
        delayReason: 'backoff' | 'minimum' | 'budget'
        reason: ConnectionReason
      }
    | { status: 'closed'; reason: ConnectionReason }
  )

/** Emitted once per (re)connection, after the socket opened. */
export type OpenEvent = ConnectionEventBase & {
  /** 1 for the first open of this transport, then 2, 3, ... */
  connection: number
  /** True when an earlier connection of this transport existed. */
  isReconnect: boolean
}

/** Round-trip and clock measurements from a `pong`. */
export type Latency = {
  /** `req_id` of the ping. */
  reqId: number
  /** Round-trip time (ms). */
  rtt: number
  /** Server clock minus local clock (ms), from `time_in`/`time_out`; undefined when absent. */
  clockOffset: number | undefined
  /** Local time the pong arrived (ms since epoch). */
  receivedAt: number
}

/** What each transport event hands its listeners. */
export type TransportEventMap = {
  /** Each received frame as its raw text, pongs included. */
  message: string
  /** Lifecycle: connecting, open, stale, reconnecting, closed. */
  status: ConnectionEvent
  /** One per (re)connection: replay subscriptions here. */
  open: OpenEvent
  /** A pong to one of the transport's own pings. */
  pong: Latency
  /** Connection failures, fatal errors and listener failures. */
  error: TransportError
}

/** Name of a transport event. */
export type TransportEventName = keyof TransportEventMap

/**
 * A live link to one Kraken WebSocket v2 endpoint. The runtime, bots and tests
 * depend on this type only, never on a socket. It sends text, emits raw text,
 * and never queues or replays frames across a reconnect.
 */
export type Transport = {
  /** Human-readable kind, e.g. `'webSocket'`, `'nodeWebSocket'`, `'fake'`. */
  readonly name: string
  readonly endpoint: TransportEndpoint
  /** The socket URL, redacted. */
  readonly url: string
  readonly status: TransportStatus
  /** The `req_id` allocator for every request sent on this transport. */
  readonly requestIds: RequestIdAllocator
  /** The latest ping measurement, if any. */
  readonly latency: Latency | undefined
  /**
   * Opens the socket (retrying per the reconnect policy) and resolves on the
   * first open. Rejects with `TransportClosedError` when `close()` or `fail()`
   * ends it first, or with the last error when retrying is off or exhausted.
   */
  connect(): Promise<void>
  /** Deliberate close: no reconnect follows. Resolves once the socket is gone. */
  close(): Promise<void>
  /** Sends one text frame. @throws {TransportNotOpenError} when not open. */
  send(text: string): void
  /** Replaces the current socket now (through the budget). */
  reconnect(): void
  /** Declares a fatal error: closes and stops retrying. */
  fail(reason: string | Error): void
  /** Raises (or lowers) the minimum wait before any reconnect (ms). */
  setMinReconnectDelay(ms: number): void
  /** Adds a listener and returns the function that removes it. */
  on<TEvent extends TransportEventName>(
    event: TEvent,
    listener: (payload: TransportEventMap[TEvent]) => void,
  ): () => void
}

/** What a client (the runtime) passes when it instantiates a transport. */
export type TransportContext = {
  /** Which socket this is. @default 'public' */
  endpoint?: TransportEndpoint | undefined
  /** Socket URL; the transport's own `url` config wins. */
  url?: string | undefined
  /** The client's connection budget, shared by all its sockets. */
  budget?: ConnectionBudget | undefined
  /** Silence (ms) before the socket is replaced, unless configured. */
  staleAfter?: number | undefined
}

/**
 * Configuration is captured when a factory such as `nodeWebSocket({ ... })`
 * is called; a connection exists only once the client calls the factory.
 */
export type TransportFactory<TTransport extends Transport = Transport> = (
  context?: TransportContext,
) => TTransport

/** A `(ev) => void` property that accepts handlers of narrower event types. */
export type EventHandler<TEvent> = {
  bivarianceHack(event: TEvent): void
}['bivarianceHack']

/**
 * The part of a WebSocket the transports use. The WHATWG `WebSocket` and
 * the `ws` package's `WebSocket` both satisfy it.
 */
export type WebSocketLike = {
  readonly readyState: number
  binaryType?: string
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: EventHandler<unknown> | null
  onmessage: EventHandler<{ data: unknown }> | null
  onclose: EventHandler<{ code: number; reason: string }> | null
  onerror: EventHandler<unknown> | null
}

/** A WebSocket class: `new WebSocket(url)`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike
