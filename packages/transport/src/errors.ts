/** Options every transport error accepts. */
export type TransportErrorOptions = {
  /** Extra detail, appended to the message; never a secret. */
  details?: string | undefined
  cause?: unknown
}

/**
 * Base class of every error this package throws or emits. `shortMessage` is
 * one sentence; `details` holds the specifics (never a key or token).
 * Branded as a `KrakenSocketsError` (see below), so that
 * `isKrakenSocketsError(error)` and `error instanceof KrakenSocketsError`
 * (both from `@kraken-sockets/schema`) hold for it.
 */
export class TransportError extends Error {
  override name = 'TransportError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, options: TransportErrorOptions = {}) {
    const message =
      options.details === undefined
        ? shortMessage
        : `${shortMessage}\n\nDetails: ${options.details}`
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.shortMessage = shortMessage
    this.details = options.details
  }
}

// The transport depends on no other package, so it carries the brand of
// schema's `KrakenSocketsError` (a registered symbol, one across packages)
// instead of extending the class. On the prototype: never an own property.
Object.defineProperty(
  TransportError.prototype,
  Symbol.for('@kraken-sockets/error'),
  {
    value: true,
  },
)

/** `send()` was called while the socket was not open. Nothing was queued. */
export class TransportNotOpenError extends TransportError {
  override name = 'TransportNotOpenError'
  readonly endpoint: string
  readonly status: string
  constructor({ endpoint, status }: { endpoint: string; status: string }) {
    super(`Cannot send on the ${endpoint} socket: it is ${status}, not open.`, {
      details:
        'Frames are never queued across reconnects; wait for the next "open" event.',
    })
    this.endpoint = endpoint
    this.status = status
  }
}

/** `connect()` was ended by `close()` or `fail()` before the socket opened. */
export class TransportClosedError extends TransportError {
  override name = 'TransportClosedError'
  readonly endpoint: string
  constructor({ endpoint, cause }: { endpoint: string; cause?: unknown }) {
    super(`The ${endpoint} transport was closed before it opened.`, { cause })
    this.endpoint = endpoint
  }
}

/** A URL is malformed, not ws:/wss:, or insecure for an authenticated endpoint. */
export class InvalidUrlError extends TransportError {
  override name = 'InvalidUrlError'
  /** The offending URL, redacted. */
  readonly url: string
  constructor({ url, reason }: { url: string; reason: string }) {
    super(`Invalid URL ${url}.`, { details: reason })
    this.url = url
  }
}

/** An option is out of range. */
export class InvalidConfigError extends TransportError {
  override name = 'InvalidConfigError'
  readonly option: string
  constructor({ option, reason }: { option: string; reason: string }) {
    super(`Invalid option "${option}".`, { details: reason })
    this.option = option
  }
}

/** No WebSocket implementation could be found or loaded. */
export class WebSocketUnavailableError extends TransportError {
  override name = 'WebSocketUnavailableError'
  constructor({ details, cause }: { details: string; cause?: unknown }) {
    super('No WebSocket implementation is available.', { details, cause })
  }
}

/** The socket failed: refused, reset, or the handshake timed out. */
export class ConnectionError extends TransportError {
  override name = 'ConnectionError'
  readonly endpoint: string
  readonly url: string
  constructor({
    endpoint,
    url,
    details,
    cause,
  }: {
    endpoint: string
    url: string
    details: string
    cause?: unknown
  }) {
    super(`The ${endpoint} socket to ${url} failed.`, { details, cause })
    this.endpoint = endpoint
    this.url = url
  }
}

/** Reconnecting stopped after `attempts` consecutive failures. */
export class ReconnectExhaustedError extends TransportError {
  override name = 'ReconnectExhaustedError'
  readonly attempts: number
  constructor({ attempts, cause }: { attempts: number; cause?: unknown }) {
    super(`Gave up reconnecting after ${attempts} attempts.`, { cause })
    this.attempts = attempts
  }
}

/**
 * Kraken reported an error that retrying cannot fix (`EAPI:Invalid key`,
 * `EGeneral:Permission denied`), or the runtime called `fail()`.
 */
export class FatalTransportError extends TransportError {
  override name = 'FatalTransportError'
  readonly endpoint: string
  /** Kraken's error string when it came from a frame. */
  readonly krakenError: string | undefined
  constructor({
    endpoint,
    reason,
    krakenError,
    cause,
  }: {
    endpoint: string
    reason: string
    krakenError?: string | undefined
    cause?: unknown
  }) {
    super(`The ${endpoint} transport stopped: ${reason}`, { cause })
    this.endpoint = endpoint
    this.krakenError = krakenError
  }
}

/**
 * A listener of an event threw or rejected; the emitter kept going and the
 * other listeners still ran. One class for every package: the transports'
 * `on` and the runtime's `kraken.on` both report this.
 */
export class ListenerError extends TransportError {
  override name = 'ListenerError'
  /** The event whose listener failed. */
  readonly event: string
  constructor({ event, cause }: { event: string; cause: unknown }) {
    super(`A listener of "${event}" failed.`, {
      details: describeCause(cause),
      cause,
    })
    this.event = event
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  try {
    return String(cause)
  } catch {
    return 'unprintable value'
  }
}
