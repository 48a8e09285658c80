import {
  KrakenRejectedError,
  NotSentError,
  OutcomeUnknownError,
} from '@kraken-sockets/runtime'
import type { ErrorBody } from '../catalogue/schemas.js'
import {
  DeskInputError,
  DeskNotFoundError,
  DeskTimeoutError,
  RiskRefusedError,
} from '../errors.js'

/** An HTTP status and the typed body for a failure. */
export interface ErrorResponse {
  readonly status: 400 | 401 | 403 | 404 | 422 | 500 | 503 | 504
  readonly body: ErrorBody
}

/** Builds an error answer of `kind`. */
export function errorBody(
  kind: ErrorBody['error']['kind'],
  message: string,
  extra: Omit<ErrorBody['error'], 'kind' | 'message'> = {},
): ErrorBody {
  return { error: { kind, message, ...extra } }
}

/**
 * Maps an operation's failure to a status and a typed body: what happened
 * to the order is in `kind` (`risk_refused` and `not_sent`: nothing reached
 * Kraken; `rejected`: Kraken refused it; `outcome_unknown`: it may be live).
 * Unknown errors become a bare 500 so that nothing internal leaks.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DeskInputError) {
    return { status: 400, body: errorBody('invalid_input', error.message) }
  }
  if (error instanceof DeskNotFoundError) {
    return { status: 404, body: errorBody('not_found', error.message) }
  }
  if (error instanceof RiskRefusedError) {
    return {
      status: 422,
      body: errorBody('risk_refused', error.message, { rule: error.rule }),
    }
  }
  if (error instanceof KrakenRejectedError) {
    return {
      status: 422,
      body: errorBody(
        'rejected',
        `Kraken rejected ${error.method}: nothing was placed.`,
        {
          kraken_error: error.error,
        },
      ),
    }
  }
  if (error instanceof OutcomeUnknownError) {
    return {
      status: 504,
      body: errorBody('outcome_unknown', error.message, {
        reason: error.reason,
        ...(error.clOrdId === undefined ? {} : { cl_ord_id: error.clOrdId }),
      }),
    }
  }
  if (error instanceof DeskTimeoutError) {
    return {
      status: 504,
      body: errorBody('outcome_unknown', error.message, {
        reason: 'timeout',
        ...(error.clOrdId === undefined ? {} : { cl_ord_id: error.clOrdId }),
      }),
    }
  }
  if (error instanceof NotSentError) {
    return {
      status: 503,
      body: errorBody('not_sent', error.message, { reason: error.code }),
    }
  }
  return {
    status: 500,
    body: errorBody('internal', 'The desk failed to handle the request.'),
  }
}
