import {
  TokenAbortedError,
  type Transport,
  type TransportEndpoint,
} from '@kraken-sockets/transport'
import { AuthenticationError } from '../errors.js'

/**
 * Fetches a WebSocket token. `signal` aborts the fetch (the client stopped,
 * or the request waiting for it reached its deadline); a source that ignores
 * it is still never waited on past that point.
 */
export type TokenSource = (options?: {
  signal?: AbortSignal | undefined
}) => Promise<string>

/** A method response as the runtime correlates it. */
export interface MethodResponseLike {
  readonly method: string
  readonly success?: boolean | undefined
  readonly error?: string | undefined
  readonly req_id?: number | undefined
  readonly result?: unknown
  readonly symbol?: string | undefined
}

/** A request waiting for its answer(s) on one connection. */
export interface PendingRequest {
  /** The `method` its answers carry (`pong` for `ping`). */
  readonly method: string
  /** Takes one answer; returns `true` once the request is complete. */
  answer(response: MethodResponseLike): boolean
  /**
   * The request ends unanswered: its socket went away, or (with `cause`)
   * Kraken answered it but the answer could not be decoded.
   */
  abandon(cause?: Error): void
}

/** Options of {@link Connection}. */
export interface ConnectionConfig {
  readonly endpoint: TransportEndpoint
  readonly transport: Transport
  /** Fetches a WebSocket token; undefined when no credentials exist. */
  readonly getToken: TokenSource | undefined
  /** Registers a token so that logs mask it. */
  readonly onToken: (token: string) => void
}

/**
 * One endpoint's socket as the runtime uses it: the transport, the requests
 * waiting for answers (by `req_id`, released to the transport's allocator
 * once answered or abandoned) and the token of the current connection.
 */
export class Connection {
  readonly endpoint: TransportEndpoint
  readonly transport: Transport
  /** Number of the current (or last) open connection; 0 before the first. */
  generation = 0
  #pending = new Map<number, PendingRequest>()
  #token:
    | {
        generation: number
        promise: Promise<string>
        controller: AbortController
      }
    | undefined
  /** Token fetches not yet settled, aborted by {@link abortTokenFetches}. */
  #fetches = new Set<AbortController>()
  #config: ConnectionConfig

  constructor(config: ConnectionConfig) {
    this.#config = config
    this.endpoint = config.endpoint
    this.transport = config.transport
  }

  /** Whether frames can be sent now. */
  get isOpen(): boolean {
    return this.transport.status === 'open'
  }

  /** Requests waiting for an answer. */
  get pendingCount(): number {
    return this.#pending.size
  }

  /**
   * The WebSocket token for this connection: fetched once per (re)connection
   * (a used token stays valid while its connection lives), or again after
   * {@link invalidateToken}.
   * @throws {AuthenticationError} when none can be obtained.
   */
  token(): Promise<string> {
    const cached = this.#token
    if (cached !== undefined && cached.generation === this.generation) {
      return cached.promise
    }
    const getToken = this.#config.getToken
    const controller = new AbortController()
    const promise =
      getToken === undefined
        ? Promise.reject(
            new AuthenticationError({
              endpoint: this.endpoint,
              reason:
                'Set apiKey and privateKey (or KRAKEN_REST_API_KEY and KRAKEN_REST_API_PRIVATE_KEY), or pass getToken.',
            }),
          )
        : fetchToken(getToken, this.endpoint, controller.signal)
    const entry = { generation: this.generation, promise, controller }
    this.#token = entry
    this.#fetches.add(controller)
    promise.then(
      (token) => {
        this.#fetches.delete(controller)
        this.#config.onToken(token)
      },
      () => {
        this.#fetches.delete(controller)
        // A failed fetch is not cached: the next request tries again.
        if (this.#token === entry) this.#token = undefined
      },
    )
    return promise
  }

  /**
   * Gives up on the fetch behind `promise` (its requester's deadline passed):
   * the fetch is aborted and no longer cached, so the next request starts a
   * fresh one instead of waiting on a provider that may never answer.
   */
  cancelToken(promise: Promise<string>): void {
    const entry = this.#token
    if (entry === undefined || entry.promise !== promise) return
    this.#token = undefined
    entry.controller.abort(new Error('The request waiting for it timed out.'))
  }

  /**
   * Aborts every token fetch in flight (the client stops): whoever waits on
   * one is settled now with an `AuthenticationError` (cause
   * `TokenAbortedError`).
   */
  abortTokenFetches(): void {
    this.#token = undefined
    const fetches = [...this.#fetches]
    this.#fetches.clear()
    for (const controller of fetches) {
      controller.abort(new Error('The client stopped.'))
    }
  }

  /** Forgets the token (after `ESession:Invalid session`). */
  invalidateToken(): void {
    this.#token = undefined
  }

  /**
   * Sends `frame(reqId)` with a fresh `req_id`, and routes its answers to
   * `pending`. Returns the `req_id`.
   * @throws what `transport.send` throws (the socket is not open), or what
   * `frame` throws; nothing is tracked then.
   */
  send(frame: (reqId: number) => string, pending: PendingRequest): number {
    const ids = this.transport.requestIds
    const reqId = ids.next()
    // Tracked before sending: a loopback answer must find its request.
    this.#pending.set(reqId, pending)
    try {
      this.transport.send(frame(reqId))
    } catch (error) {
      this.#pending.delete(reqId)
      ids.release(reqId)
      throw error
    }
    return reqId
  }

  /** Stops waiting for `reqId` (timeout) and releases it. */
  forget(reqId: number): void {
    if (this.#pending.delete(reqId)) this.transport.requestIds.release(reqId)
  }

  /**
   * Hands a method response to the request it answers: same `req_id` and
   * method. Returns `false` when no request of ours waits for it (e.g. the
   * pong of the transport's own ping).
   */
  route(response: MethodResponseLike): boolean {
    const reqId = response.req_id
    if (reqId === undefined) return false
    const pending = this.#pending.get(reqId)
    if (pending === undefined || pending.method !== response.method) {
      return false
    }
    if (pending.answer(response)) this.forget(reqId)
    return true
  }

  /**
   * Kraken answered request `reqId` with a frame that could not be decoded:
   * the request ends now, with `cause`, instead of waiting for its timeout.
   * Returns `false` when no request of ours waits for that answer.
   */
  abandonOne(reqId: number, method: string, cause: Error): boolean {
    const pending = this.#pending.get(reqId)
    if (pending === undefined || pending.method !== method) return false
    this.forget(reqId)
    pending.abandon(cause)
    return true
  }

  /** The socket went away: every waiting request is abandoned. */
  abandonAll(): void {
    const pending = [...this.#pending.values()]
    for (const reqId of this.#pending.keys()) {
      this.transport.requestIds.release(reqId)
    }
    this.#pending.clear()
    for (const request of pending) request.abandon()
  }
}

async function fetchToken(
  getToken: TokenSource,
  endpoint: string,
  signal: AbortSignal,
): Promise<string> {
  let token: unknown
  try {
    token = await Promise.race([getToken({ signal }), abortion(signal)])
  } catch (cause) {
    throw new AuthenticationError({
      endpoint,
      reason:
        cause instanceof TokenAbortedError
          ? 'The token fetch was aborted.'
          : 'The token provider failed.',
      cause,
    })
  }
  if (typeof token !== 'string' || token === '') {
    throw new AuthenticationError({
      endpoint,
      reason: 'The token provider returned no token.',
    })
  }
  return token
}

/** Rejects with `TokenAbortedError` when `signal` aborts; never settles otherwise. */
function abortion(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    const abort = () => reject(new TokenAbortedError({ cause: signal.reason }))
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
  })
}
