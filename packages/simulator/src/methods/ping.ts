import { rfc3339 as rfc } from '../session/time.js'
import type { MethodDefinition } from './types.js'

/** Kraken's answer to a ping that carries `params` (live, 2024). */
export const PING_PARAMS_ERROR =
  "Unsupported field: 'params' for the given msg type: ping"

/**
 * `ping` → `pong` with `req_id`, `time_in` and `time_out` (no `success`).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ping
 */
export const pingMethod: MethodDefinition = {
  serves: ['public', 'private', 'level3'],
  handle({ frame, fail, respond, timeIn, simulator }) {
    if (frame.params !== undefined) {
      fail(PING_PARAMS_ERROR)
      return
    }
    respond({
      method: 'pong',
      ...(frame.req_id === undefined ? {} : { req_id: frame.req_id }),
      time_in: rfc(timeIn),
      time_out: rfc(simulator.now()),
    })
  },
}
