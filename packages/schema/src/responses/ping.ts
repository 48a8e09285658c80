import * as v from 'valibot'
import { resultWarnings } from './methodResponse.js'
import { IntegerSchema, TimestampSchema } from './shared.js'

/**
 * Kraken's answer to `ping`: `pong`, without `success`. A rejected ping
 * (e.g. sent with `params`) answers with `method: 'ping'` and
 * `success: false`.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ping
 */
export const PingResponseSchema = v.looseObject({
  method: v.picklist(['pong', 'ping']),
  success: v.exactOptional(v.boolean()),
  result: v.exactOptional(v.looseObject(resultWarnings)),
  error: v.exactOptional(v.string()),
  req_id: v.exactOptional(IntegerSchema),
  time_in: v.exactOptional(TimestampSchema),
  time_out: v.exactOptional(TimestampSchema),
})
