import type { JsonValue } from '../json/encodeJson.js'
import { rfc3339 } from './time.js'

/** Kraken's response envelope for a method (SPEC §2.2); encode with sorted keys. */
export function responseEnvelope(
  method: string,
  reqId: number | undefined,
  timeIn: number,
  timeOut: number,
  fields: Readonly<Record<string, JsonValue>>,
): Record<string, JsonValue> {
  return {
    method,
    ...(reqId === undefined ? {} : { req_id: reqId }),
    ...fields,
    time_in: rfc3339(timeIn),
    time_out: rfc3339(timeOut),
  }
}

/** The `req_id` of a parsed frame, when it is an integer. */
export function readReqId(
  frame: Readonly<Record<string, unknown>>,
): number | undefined {
  const reqId = frame.req_id
  return typeof reqId === 'number' && Number.isInteger(reqId)
    ? reqId
    : undefined
}
