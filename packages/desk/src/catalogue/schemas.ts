import * as v from 'valibot'

/** A pair as Kraken spells it. */
export const SymbolSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z0-9]{1,16}\/[A-Z0-9]{1,16}$/, 'a pair such as "BTC/USD"'),
  v.description('A pair as Kraken spells it, e.g. "BTC/USD".'),
)

/** A positive decimal, as text (exact digits) — what Kraken's order fields take. */
export const DecimalSchema = v.pipe(
  v.string(),
  v.regex(
    /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
    'a plain positive decimal such as "0.01"',
  ),
  v.description('A plain decimal as text, e.g. "0.01" (no exponent).'),
)

/** The order types the desk offers (those the risk policy can price). */
export const OrderTypeSchema = v.picklist(['limit', 'market'])

/** buy or sell. */
export const SideSchema = v.picklist(['buy', 'sell'])

/** The desk's mode, echoed in every order answer. */
export const ModeSchema = v.picklist(['paper', 'validate', 'live'])

/** Kraken's `warnings` on an ack, when it sent any. */
const warnings = { warnings: v.optional(v.array(v.string())) }

/** One order's identifiers as Kraken acknowledged them. */
export const OrderIdsSchema = v.looseObject({
  order_id: v.optional(v.string()),
  cl_ord_id: v.optional(v.string()),
  ...warnings,
})

/** Wraps a trading result: the mode it ran in, Kraken's method and its `result`. */
export function ackSchema<TResult extends v.GenericSchema<unknown, unknown>>(
  result: TResult,
) {
  return v.object({
    mode: ModeSchema,
    method: v.string(),
    result,
    time_in: v.optional(v.string()),
    time_out: v.optional(v.string()),
  })
}

/** A price level of a verified book. */
export const LevelSchema = v.object({ price: v.number(), qty: v.number() })

/** The body of every error answer. */
export const ErrorBodySchema = v.object({
  error: v.object({
    kind: v.picklist([
      'unauthorized',
      'forbidden',
      'invalid_input',
      'not_found',
      'risk_refused',
      'rejected',
      'outcome_unknown',
      'not_sent',
      'internal',
    ]),
    message: v.string(),
    rule: v.optional(v.string()),
    kraken_error: v.optional(v.string()),
    cl_ord_id: v.optional(v.string()),
    reason: v.optional(v.string()),
  }),
})

/** The typed error body. */
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>
