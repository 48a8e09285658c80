import * as v from 'valibot'
import { parseRequest } from '../internal/parseRequest.js'

/**
 * An application-level `ping`. It has no `params` (Kraken refuses them);
 * Kraken answers `pong` with the same `req_id`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ping
 */
export const PingRequestSchema = v.strictObject({
  method: v.literal('ping'),
})

/** A `ping` request. */
export type PingRequest = v.InferOutput<typeof PingRequestSchema>

/**
 * Builds a `ping` request (valid on every endpoint).
 *
 * @example
 * ```ts
 * import { PingRequest, stringifyRequest } from '@kraken-sockets/schema'
 *
 * stringifyRequest(PingRequest(), { req_id: 101 }) // '{"method":"ping","req_id":101}'
 * ```
 */
export function PingRequest(): PingRequest {
  return parseRequest(PingRequestSchema, { method: 'ping' }, 'ping')
}
