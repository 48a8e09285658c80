import {
  isKrakenSocketsError,
  KrakenSocketsError,
  type KrakenSocketsErrorOptions,
} from '@kraken-sockets/schema'
import { ListenerError } from '@kraken-sockets/transport'

// One error root for every package: the class lives in schema (which every
// package may import); the runtime's errors extend it, and it stays
// importable from here as before.
// One `ListenerError` for every package: the transport's, which the runtime's
// emitter (the same emitter) reports. Importable from here as before.
export {
  isKrakenSocketsError,
  KrakenSocketsError,
  type KrakenSocketsErrorOptions,
  ListenerError,
}

/**
 * Kraken answered a request with `success: false`: `request()` rejects with
 * this error.
 */
export class KrakenError extends KrakenSocketsError {
  override name = 'KrakenError'
  /** The request's method, e.g. `add_order`. */
  readonly method: string
  /** Kraken's error string, e.g. `EOrder:Insufficient funds`. */
  readonly error: string
  /** The `req_id` of the request, when it had one. */
  readonly reqId: number | undefined
  /** The whole decoded failure response. */
  readonly response: unknown

  constructor(args: {
    method: string
    error: string
    reqId?: number | undefined
    response?: unknown
  }) {
    super(`Kraken rejected "${args.method}".`, { details: args.error })
    this.method = args.method
    this.error = args.error
    this.reqId = args.reqId
    this.response = args.response
  }
}

/** A trigger handler threw or rejected; the other handlers still ran. */
export class HandlerError extends KrakenSocketsError {
  override name = 'HandlerError'
  /** Name of the key the handler was registered under (type or family). */
  readonly key: string
  /** Name of the response type that was being dispatched. */
  readonly type: string
  /** The handler that failed. */
  readonly handler: (...args: never[]) => unknown
  /** The value the handler received. */
  readonly value: unknown

  constructor(args: {
    key: string
    type: string
    handler: (...args: never[]) => unknown
    value: unknown
    cause: unknown
  }) {
    const label = args.handler.name || 'anonymous'
    super(`Handler "${label}" for ${args.key} failed.`, {
      details: describeCause(args.cause),
      cause: args.cause,
    })
    this.key = args.key
    this.type = args.type
    this.handler = args.handler
    this.value = args.value
  }
}

/** A received frame (or one item of it) could not be decoded. */
export class DecodeFailureError extends KrakenSocketsError {
  override name = 'DecodeFailureError'
  /** The raw text of the frame, as received. */
  readonly raw: string
  /** Where decoding failed, e.g. `data[2].price`; empty for the whole frame. */
  readonly path: string

  constructor(args: {
    raw: string
    path?: string | undefined
    reason: string
    cause?: unknown
  }) {
    const path = args.path ?? ''
    super(
      path === ''
        ? 'A received frame could not be decoded.'
        : `A received frame could not be decoded at "${path}".`,
      { details: args.reason, cause: args.cause },
    )
    this.raw = args.raw
    this.path = path
  }
}

/** A user task failed, or did not stop in time. */
export class TaskError extends KrakenSocketsError {
  override name = 'TaskError'
  /** The task's name (its function name, or `anonymous`). */
  readonly task: string
  /** Why it is reported: it failed, or it ignored `stop()` past the bound. */
  readonly reason: 'failed' | 'stop-timeout'

  constructor(args: {
    task: string
    reason: 'failed' | 'stop-timeout'
    cause?: unknown
  }) {
    super(
      args.reason === 'failed'
        ? `User task "${args.task}" failed.`
        : `User task "${args.task}" did not stop in time.`,
      {
        details:
          args.cause === undefined ? undefined : describeCause(args.cause),
        cause: args.cause,
      },
    )
    this.task = args.task
    this.reason = args.reason
  }
}

/** A subscription would exceed a documented Kraken limit. */
export class SubscriptionLimitError extends KrakenSocketsError {
  override name = 'SubscriptionLimitError'
  /** The channel whose limit is exceeded. */
  readonly channel: string
  /** The limit, e.g. 200 symbols per level3 connection. */
  readonly limit: number

  constructor(args: { channel: string; limit: number; requested: number }) {
    super(`Too many ${args.channel} symbols on one connection.`, {
      details: `${args.requested} requested, the limit is ${args.limit}.`,
    })
    this.channel = args.channel
    this.limit = args.limit
  }
}

/**
 * The client was stopped: what was waiting on it settles with this error, and
 * `run()`, `subscribe()`, `book()`, `request()` reject with it after `stop()`.
 */
export class ClientStoppedError extends KrakenSocketsError {
  override name = 'ClientStoppedError'

  constructor(args: { operation: string; after?: boolean }) {
    super(
      args.after === true
        ? `The client is stopped: ${args.operation} cannot run. A stopped client stays stopped; create a new KrakenWebSocketAPI to start again.`
        : `The client stopped before ${args.operation} completed.`,
    )
  }
}

/**
 * No WebSocket token could be obtained for a private or level3 socket: no
 * credentials were configured, or the token provider failed (its error is
 * the `cause`).
 */
export class AuthenticationError extends KrakenSocketsError {
  override name = 'AuthenticationError'
  /** The socket that needed the token. */
  readonly endpoint: string

  constructor(args: { endpoint: string; reason: string; cause?: unknown }) {
    super(`No WebSocket token for the ${args.endpoint} socket.`, {
      // The cause says what to do (check the key, its permission, one key
      // per program): lifted here so the message itself says it.
      details:
        args.cause === undefined
          ? args.reason
          : `${args.reason} ${liftCause(args.cause)}`,
      cause: args.cause,
    })
    this.endpoint = args.endpoint
  }
}

/**
 * A book could not be kept in sync: its resync budget is spent, or its
 * subscription failed. The book stays out of sync until its next snapshot.
 */
export class BookSyncError extends KrakenSocketsError {
  override name = 'BookSyncError'
  /** The book's symbol. */
  readonly symbol: string
  /** `book` or `level3`. */
  readonly channel: string
  /** Kraken said the pair does not exist (a wrong or old name, e.g. `XBT/USD`). */
  readonly unknownPair: boolean
  /** Kraken's or the runtime's reason, as given. */
  readonly reason: string

  constructor(args: {
    symbol: string
    channel: string
    reason: string
    /** A suggestion appended to the message, e.g. "Kraken v2 calls it BTC/USD." */
    hint?: string | undefined
    cause?: unknown
  }) {
    const unknownPair = UNKNOWN_PAIR.test(args.reason)
    const book = args.channel === 'level3' ? 'level3 book' : 'order book'
    const hint = args.hint === undefined ? '' : ` ${args.hint}`
    super(
      unknownPair
        ? `The ${book} of ${args.symbol} cannot open: unknown pair.${hint}`
        : `The ${book} of ${args.symbol} is out of sync.${hint}`,
      { details: args.reason, cause: args.cause },
    )
    this.symbol = args.symbol
    this.channel = args.channel
    this.unknownPair = unknownPair
    this.reason = args.reason
  }
}

/** Kraken's words for a symbol it does not list. */
const UNKNOWN_PAIR =
  /currency pair not supported|unknown (asset )?pair|unknown symbol/i

/** Whether Kraken's `reason` says the symbol is not a pair it lists. */
export function isUnknownPairReason(reason: string): boolean {
  return UNKNOWN_PAIR.test(reason)
}

/**
 * `kraken.book()` asked for more levels than the subscription Kraken already
 * holds for that symbol: Kraken allows one depth per symbol and socket, and
 * the runtime does not change a depth someone else subscribed.
 */
export class BookDepthConflictError extends KrakenSocketsError {
  override name = 'BookDepthConflictError'
  /** The book's symbol. */
  readonly symbol: string
  /** `book` or `level3`. */
  readonly channel: string
  /** The depth subscribed at Kraken now. */
  readonly liveDepth: number
  /** The depth the book needs (Kraken's depth covering the one asked for). */
  readonly askedDepth: number

  constructor(args: {
    symbol: string
    channel: string
    liveDepth: number
    askedDepth: number
    heldBy: 'user' | 'book'
  }) {
    const undo =
      args.heldBy === 'user'
        ? `unsubscribe your depth-${args.liveDepth} ${args.channel} subscription of ${args.symbol} first`
        : `release every hold on the depth-${args.liveDepth} book first`
    super(
      `The ${args.channel} of ${args.symbol} is subscribed at depth ${args.liveDepth}; a book of depth ${args.askedDepth} cannot share it.`,
      {
        details: `Kraken allows one depth per symbol and socket. Ask for a depth up to ${args.liveDepth}, or ${undo}.`,
      },
    )
    this.symbol = args.symbol
    this.channel = args.channel
    this.liveDepth = args.liveDepth
    this.askedDepth = args.askedDepth
  }
}

/**
 * What an error says, first sentence and specifics, for a wrapper to repeat
 * in its own message: the "what to do" of a failed private request must not
 * sit one or two `cause` levels deep.
 *
 * @internal
 */
export function liftCause(cause: unknown): string {
  if (!(cause instanceof Error)) return describeCause(cause)
  const { shortMessage, details } = cause as {
    shortMessage?: unknown
    details?: unknown
  }
  const first = typeof shortMessage === 'string' ? shortMessage : cause.message
  return typeof details === 'string' && details !== ''
    ? `${first} ${details}`
    : first
}

/** An error's name and message, or any other value as text (never throws). */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  try {
    return String(cause)
  } catch {
    return 'unprintable value'
  }
}
