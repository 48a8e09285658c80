import {
  RequestValidationError,
  requestEndpoint,
  stringifyRequest,
  type TradingRequest,
} from '@kraken-sockets/schema'
import type { Connection } from '../connections/connection.js'
import type { ConnectionPool } from '../connections/connectionPool.js'
import { liftCause } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import {
  KrakenRejectedError,
  NotSentError,
  OutcomeUnknownError,
  type OutcomeUnknownReason,
} from './errors.js'
import {
  type CancelOrderTargets,
  createResponseCollector,
  responsePlan,
} from './responseCollector.js'
import {
  type TradingRequestFacts,
  tradingRequestFactsOf,
} from './tradingRequestFacts.js'
import type { TradingResponseFor } from './tradingResponses.js'
import type { TradingResponseLike } from './types.js'

/** Options of {@link TradingRequests}. */
export interface TradingRequestsConfig {
  readonly pool: ConnectionPool
  readonly timeout: number
  readonly logger: Logger
  /** Quiet window (ms) of open-ended collections (cancel_order by order_userref). @default 500 */
  readonly quietWindow?: number | undefined
}

/**
 * Sends trading requests on the private socket and settles each exactly
 * once: the typed ack, `KrakenRejectedError` (Kraken said no: nothing
 * happened), `OutcomeUnknownError` (sent, then the socket dropped or the
 * timeout passed: it may have happened) or `NotSentError` (never left the
 * client). A trading frame is never sent twice.
 *
 * Seams for order tracking, rounding and guards: they wrap {@link send}
 * (refusing with `NotSentError` before it, observing outcomes after it);
 * responses of several frames per request are collected by the trading
 * core's response collector already.
 */
export class TradingRequests {
  #config: TradingRequestsConfig

  constructor(config: TradingRequestsConfig) {
    this.#config = config
  }

  /**
   * Sends `request` and resolves with its acknowledgement. `facts` are the
   * request's client order ids, read once by the caller (read here when not given).
   * `deadline` (ms since the epoch, default now + timeout) bounds every step:
   * connecting, the token, the answer.
   */
  async send<TRequest extends TradingRequest>(
    request: TRequest,
    facts: TradingRequestFacts = tradingRequestFactsOf(request),
    deadline: number = Date.now() + this.#config.timeout,
  ): Promise<TradingResponseFor<TRequest>> {
    const { method } = request
    const connection = await this.#open(request, deadline)
    let token: string
    const fetching = connection.token()
    try {
      token = await beforeDeadline(fetching, deadline, () => {
        connection.cancelToken(fetching)
        return new Error('No token arrived before the request timed out.')
      })
    } catch (cause) {
      throw new NotSentError({
        method,
        code: 'refused',
        // The token failure's own advice (wrong key, nonce, permission).
        reason: liftCause(cause),
        cause,
      })
    }
    const params = (request as { params?: CancelOrderTargets }).params
    const collector = createResponseCollector(
      responsePlan(method, params),
      this.#config.quietWindow === undefined
        ? {}
        : { quietWindow: this.#config.quietWindow },
    )
    const { clOrdIds } = facts
    let reqId: number | undefined
    const unknown = (reason: OutcomeUnknownReason, cause?: Error) =>
      new OutcomeUnknownError({
        method,
        reason,
        reqId,
        clOrdIds,
        timeout: this.#config.timeout,
        partial: collector.responses,
        cause,
      })
    try {
      reqId = connection.send(
        (id) => stringifyRequest(request, { req_id: id, token }),
        {
          method,
          answer: (response) => {
            collector.push(response as TradingResponseLike)
            return collector.isDone
          },
          abandon: (cause) =>
            collector.abort(
              cause === undefined
                ? unknown('disconnected')
                : unknown('undecodable', cause),
            ),
        },
      )
    } catch (cause) {
      const isInvalid = cause instanceof RequestValidationError
      throw new NotSentError({
        method,
        code: isInvalid ? 'refused' : 'disconnected',
        reason: isInvalid
          ? 'The request could not be written.'
          : 'The private socket is not open.',
        cause,
      })
    }
    const sentId = reqId
    this.#config.logger.log(`Sent ${method}.`, 'debug', {
      endpoint: connection.endpoint,
      req_id: sentId,
    })
    const timer = setTimeout(() => {
      connection.forget(sentId)
      collector.abort(unknown('timeout'))
    }, remaining(deadline))
    let responses: readonly TradingResponseLike[]
    try {
      responses = await collector.promise
    } finally {
      clearTimeout(timer)
      // An open-ended collection completes on a quiet window, not on an answer.
      connection.forget(sentId)
    }
    const failure = responses.find((response) => response.success === false)
    if (failure !== undefined) {
      throw new KrakenRejectedError({
        method,
        error: failure.error ?? 'Kraken answered success: false.',
        reqId: sentId,
        response: failure,
      })
    }
    return responses[0] as TradingResponseFor<TRequest>
  }

  /**
   * The private socket, connected on first use (or joined while that first
   * connect runs); never waits on a reconnect.
   */
  async #open(request: TradingRequest, deadline: number): Promise<Connection> {
    const { method } = request
    let connection: Connection
    try {
      connection = this.#config.pool.get(requestEndpoint(request))
    } catch (cause) {
      // E.g. a URL the transport refuses: nothing can ever be sent there.
      throw new NotSentError({
        method,
        code: 'refused',
        reason: 'The private socket could not be created.',
        cause,
      })
    }
    const { transport } = connection
    const firstConnect =
      transport.status === 'idle' ||
      (transport.status === 'connecting' && connection.generation === 0)
    if (firstConnect) {
      try {
        await beforeDeadline(
          transport.connect(),
          deadline,
          () => new Error('The connection timed out.'),
        )
      } catch (cause) {
        throw new NotSentError({
          method,
          code: 'disconnected',
          reason: 'The private socket could not connect.',
          cause,
        })
      }
    }
    if (!connection.isOpen) {
      // A trading decision may be stale by the time a reconnect completes.
      throw new NotSentError({
        method,
        code: 'disconnected',
        reason: `The private socket is ${transport.status}.`,
      })
    }
    return connection
  }
}

/** Milliseconds left until `deadline` (never negative). */
function remaining(deadline: number): number {
  return Math.max(0, deadline - Date.now())
}

/**
 * `promise`, or the error `expired()` makes once `deadline` passes first.
 * A later rejection of `promise` stays handled.
 */
async function beforeDeadline<T>(
  promise: Promise<T>,
  deadline: number,
  expired: () => Error,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), remaining(deadline))
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
