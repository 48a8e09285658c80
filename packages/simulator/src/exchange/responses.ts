import type { Outcome } from './methods/outcome.js'
import { rfc3339 } from './time.js'

/**
 * A method response frame as a plain object, keys in Kraken's
 * (alphabetical) order; the server stringifies and sends it.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export type MethodResponse = Readonly<Record<string, unknown>> & {
  readonly method: string
  readonly success: boolean
  readonly time_in: string
  readonly time_out: string
}

/** Wraps an outcome in Kraken's response envelope. */
export function toResponse(
  method: string,
  outcome: Outcome,
  reqId: number | undefined,
  timeIn: number,
  timeOut: number,
): MethodResponse {
  const req = reqId === undefined ? {} : { req_id: reqId }
  const times = { time_in: rfc3339(timeIn), time_out: rfc3339(timeOut) }
  if (!outcome.ok)
    return { error: outcome.error, method, ...req, success: false, ...times }
  return {
    method,
    ...outcome.top,
    ...req,
    ...(outcome.result === undefined ? {} : { result: outcome.result }),
    success: true,
    ...times,
  }
}
