import {
  RequestValidationError,
  requestEndpoint,
  stringifyRequest,
  type TradingRequest,
} from '@kraken-sockets/schema'
import type { Connection } from '../connections/connection.js'
import type { ConnectionPool } from '../connections/connectionPool.js'
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
   */
  async send<TRequest extends TradingRequest>(
    request: TRequest,
    facts: TradingRequestFacts = tradingRequestFactsOf(request),
  ): Promise<TradingResponseFor<TRequest>> {
    const { method } = request
    const connection = await this.#open(request)
    let token: string
    try {
      token = await connection.token()
    } catch (cause) {
      throw new NotSentError({
        method,
        code: 'refused',
        reason: 'No WebSocket token could be obtained.',
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
    }, this.#config.timeout)
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

  /** The private socket, connected on first use; never waits on a reconnect. */
  async #open(request: TradingRequest): Promise<Connection> {
    const { method } = request
    const connection = this.#config.pool.get(requestEndpoint(request))
    const { transport } = connection
    if (transport.status === 'idle') {
      let timer: ReturnType<typeof setTimeout> | undefined
      try {
        await Promise.race([
          transport.connect(),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error('The connection timed out.')),
              this.#config.timeout,
            )
          }),
        ])
      } catch (cause) {
        throw new NotSentError({
          method,
          code: 'disconnected',
          reason: 'The private socket could not connect.',
          cause,
        })
      } finally {
        clearTimeout(timer)
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
