import * as v from 'valibot'
import { IntegerSchema, TimestampSchema, WarningsSchema } from './shared.js'

/**
 * The entries of Kraken's response envelope: `method`, `success`, `result`
 * (on success), `error` (on failure), the echoed `req_id` and the times the
 * request came in and the response went out.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export function methodResponseEntries<
  const TMethod extends v.GenericSchema,
  const TResult extends v.GenericSchema,
>(method: TMethod, result: TResult) {
  return {
    method,
    success: v.boolean(),
    result: v.exactOptional(result),
    error: v.exactOptional(v.string()),
    req_id: v.exactOptional(IntegerSchema),
    time_in: v.exactOptional(TimestampSchema),
    time_out: v.exactOptional(TimestampSchema),
  }
}

/** `warnings`, which every `result` may carry. */
export const resultWarnings = { warnings: v.exactOptional(WarningsSchema) }
