import { KrakenError, KrakenSocketsError } from '../errors.js'

/**
 * The error family of Kraken's error strings: the part before the first `:`
 * when it looks like Kraken's `E<Word>` codes (`EOrder`, `EGeneral`,
 * `ESession`, `EService`, `EAPI`). Plain messages such as
 * `Token(s) not found` have none.
 */
export function krakenErrorPrefix(error: string): string | undefined {
  const match = /^(E[A-Z][A-Za-z]*):/.exec(error)
  return match?.[1]
}

/**
 * Kraken answered a trading request with `success: false`: the order (or
 * change) was **not** placed. Safe to correct and retry.
 *
 * Extends the runtime's {@link KrakenError}, so `instanceof KrakenError` still
 * matches every Kraken rejection.
 */
export class KrakenRejectedError extends KrakenError {
  override name = 'KrakenRejectedError'
  /** The error family, e.g. `EOrder` for `EOrder:Insufficient funds`. */
  readonly prefix: string | undefined

  constructor(args: {
    method: string
    error: string
    reqId?: number | undefined
    response?: unknown
  }) {
    super(args)
    this.prefix = krakenErrorPrefix(args.error)
  }
}

/** Why a sent request has no known outcome. */
export type OutcomeUnknownReason = 'disconnected' | 'timeout' | 'undecodable'

/**
 * The request was sent, but the connection dropped or the timeout passed
 * before Kraken answered: the order **may be live**. Do not blindly resend;
 * look for `clOrdId` on the executions channel (the order tracker does this
 * after the next snapshot).
 */
export class OutcomeUnknownError extends KrakenSocketsError {
  override name = 'OutcomeUnknownError'
  /** The request's method. */
  readonly method: string
  /** The request's `req_id`. */
  readonly reqId: number | undefined
  /** The `cl_ord_id` of an add_order (or the first of a batch_add), when there is one. */
  readonly clOrdId: string | undefined
  /** Every `cl_ord_id` the request carried (one per order of a batch_add). */
  readonly clOrdIds: readonly string[]
  /** What cut the wait short. */
  readonly reason: OutcomeUnknownReason
  /** Responses that did arrive, for methods with several (cancel_order with N ids). */
  readonly partial: readonly unknown[]

  constructor(args: {
    method: string
    reason: OutcomeUnknownReason
    reqId?: number | undefined
    clOrdId?: string | undefined
    clOrdIds?: readonly string[] | undefined
    timeout?: number | undefined
    partial?: readonly unknown[] | undefined
    cause?: unknown
  }) {
    const why =
      args.reason === 'timeout'
        ? `no answer within ${args.timeout ?? '?'} ms`
        : args.reason === 'undecodable'
          ? "Kraken's answer could not be decoded"
          : 'the connection closed before the answer'
    const ids =
      args.clOrdIds ?? (args.clOrdId === undefined ? [] : [args.clOrdId])
    const id =
      ids.length === 0
        ? ''
        : ids.length === 1
          ? ` (cl_ord_id ${ids[0]})`
          : ` (${ids.length} orders, cl_ord_id ${ids[0]}, ...)`
    super(`The outcome of "${args.method}" is unknown${id}.`, {
      details: `${why}; the request was sent and may have taken effect.`,
      cause: args.cause,
    })
    this.method = args.method
    this.reqId = args.reqId
    this.clOrdId = args.clOrdId ?? ids[0]
    this.clOrdIds = ids
    this.reason = args.reason
    this.partial = args.partial ?? []
  }
}

/** Why a request never left the client. */
export type NotSentCode = 'disconnected' | 'refused' | 'rate_limited'

/**
 * The request never left the client: nothing happened at Kraken. `code`
 * says whether the socket was not open, a local check refused it (rounding,
 * `qty_min`, `cost_min`, system or pair status), or the advisory rate counter
 * did; `reason` names the field and the limit.
 */
export class NotSentError extends KrakenSocketsError {
  override name = 'NotSentError'
  /** The request's method. */
  readonly method: string
  /** The kind of refusal. */
  readonly code: NotSentCode
  /** One sentence naming what was refused and why. */
  readonly reason: string

  constructor(args: {
    method: string
    reason: string
    code?: NotSentCode | undefined
    cause?: unknown
  }) {
    super(`"${args.method}" was not sent.`, {
      details: args.reason,
      cause: args.cause,
    })
    this.method = args.method
    this.code = args.code ?? 'refused'
    this.reason = args.reason
  }
}

/**
 * A tracked order ended without being completely filled: `OrderHandle.filled`
 * rejects with this error. `outcome` holds the final state.
 */
export class OrderNotFilledError extends KrakenSocketsError {
  override name = 'OrderNotFilledError'
  /** How the order ended (`canceled`, `expired`, `rejected`, `closed_unknown`, `missing`, ...). */
  readonly status: string
  /** The order's final known state, if any was seen. */
  readonly order: unknown

  constructor(args: {
    id: string
    status: string
    order?: unknown
    reason?: string | undefined
  }) {
    super(`Order ${args.id} ended ${args.status}, not filled.`, {
      details: args.reason,
    })
    this.status = args.status
    this.order = args.order
  }
}

/**
 * A `cancel_all_orders_after` call of the dead man's switch failed (emitted
 * on the client's `error` event; the switch keeps its schedule). With
 * `timeout` 0 it was a disarm: the timer may still be armed at Kraken.
 */
export class DeadMansSwitchError extends KrakenSocketsError {
  override name = 'DeadMansSwitchError'
  /** The `timeout` the failed call sent (0: a disarm). */
  readonly timeout: number

  constructor(args: { timeout: number; cause: unknown }) {
    super(
      args.timeout === 0
        ? "The dead man's switch could not disarm."
        : `The dead man's switch could not re-arm (timeout ${args.timeout} s).`,
      {
        details:
          args.cause instanceof Error ? args.cause.message : String(args.cause),
        cause: args.cause,
      },
    )
    this.timeout = args.timeout
  }
}
