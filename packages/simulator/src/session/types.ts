import type { Params } from '../exchange/params.js'
import type { SessionFaults } from '../faults/types.js'
import type { JsonValue } from '../json/encodeJson.js'
import type { EndpointKind } from '../server/endpoints.js'

/** A request frame: `{"method", "params"?, "req_id"?}`. */
export type RequestFrame = {
  readonly method: string
  readonly params?: Params
  readonly req_id?: number
}

/** A subscription a connection holds. */
export type ActiveSubscription = {
  /** What `Already subscribed` compares, e.g. `book:BTC/USD`. */
  readonly key: string
  /** The hub topic it receives, e.g. `book:BTC/USD:10`. */
  readonly topic: string
  readonly channel: string
  readonly symbol: string | undefined
  /** The `result` of an unsubscribe ack for it. */
  readonly unsubscribeResult: Readonly<Record<string, JsonValue>>
}

/** One WebSocket connection, as method and channel handlers see it. */
export type SessionHandle = {
  /** The `connection_id` sent in its status message (digits). */
  readonly id: string
  readonly endpoint: EndpointKind
  /** The kinds of channels and methods this endpoint answers. */
  readonly serves: ReadonlySet<EndpointKind>
  readonly isOpen: boolean
  readonly subscriptions: ReadonlyMap<string, ActiveSubscription>
  /** The connection's lasting faults (silence, ack delay, rate limit, corruption). */
  readonly faults: SessionFaults
  /** Sends a frame through the connection's faults (silence, corruption). */
  send(frame: string): void
  /** Encodes then sends; `sortKeys` for method responses (Kraken's order). */
  sendJson(value: JsonValue, sortKeys?: boolean): void
  /** Adds a subscription and joins its topic. */
  addSubscription(subscription: ActiveSubscription): void
  /** Drops a subscription and leaves its topic. */
  removeSubscription(key: string): ActiveSubscription | undefined
  /** Calls `listener` once the socket has closed; returns a remover. */
  onClose(listener: () => void): () => void
  close(code?: number, reason?: string): void
  terminate(): void
}

/**
 * Per-connection request handling that runs before the method registry
 * (the built-in private session is one: it answers trading methods and
 * private subscriptions, and returns `false` for the rest).
 */
export type ConnectionHandler = {
  /** Handles the request and returns `true`, or returns `false` to pass it on. */
  handle(frame: RequestFrame, timeIn: number): boolean
  /** Called once the socket has closed. */
  close?(): void
}

/** Makes the {@link ConnectionHandler} of a new connection, or `undefined` for none. */
export type ConnectionHandlerFactory = (
  session: SessionHandle,
) => ConnectionHandler | undefined
