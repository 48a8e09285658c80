import * as v from 'valibot'

const SYMBOL = /^[^\s/]+\/[^\s/]+$/

/** One symbol in Kraken's v2 form, `BASE/QUOTE` (e.g. `BTC/USD`). */
export const SymbolSchema = v.pipe(
  v.string('must be a symbol such as "BTC/USD"'),
  v.regex(SYMBOL, 'must be a symbol such as "BTC/USD" (BASE/QUOTE)'),
)

/** A non-empty list of symbols, for the per-symbol channels. */
export const SymbolsSchema = v.pipe(
  v.array(SymbolSchema, 'must be a list of symbols'),
  v.minLength(1, 'must list at least one symbol'),
)

/**
 * What a subscription builder takes as its first argument: one symbol such as
 * `'BTC/USD'`, or a list of symbols.
 */
export type SymbolsInput = string | readonly string[]

/**
 * Normalises one symbol or a list of symbols to a fresh list; anything else is
 * passed through for the schema to refuse.
 */
export function symbolList(symbols: SymbolsInput): unknown {
  if (typeof symbols === 'string') return [symbols]
  return Array.isArray(symbols) ? [...symbols] : symbols
}

/** A JSON boolean. */
export const FlagSchema = v.boolean('must be true or false')

const RFC3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

/** An RFC 3339 timestamp such as `2024-07-21T09:53:59.050Z`. */
export const TimestampSchema = v.pipe(
  v.string('must be an RFC 3339 timestamp string'),
  v.regex(
    RFC3339,
    'must be an RFC 3339 timestamp such as "2024-07-21T09:53:59.050Z"',
  ),
)

const LONG_UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SHORT_UUID = /^[0-9a-f]{32}$/i
const FREE_TEXT = /^[\x20-\x7e]{1,18}$/

/**
 * A client order id (`cl_ord_id`, `sender_sub_id`): a UUID, a 32-digit hex
 * short UUID, or free text of up to 18 printable ASCII characters.
 */
export const ClientOrderIdSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (id) => LONG_UUID.test(id) || SHORT_UUID.test(id) || FREE_TEXT.test(id),
    'must be a UUID, a 32-digit hex id or 1 to 18 printable ASCII characters',
  ),
)

/** A Kraken order id such as `OAIYAU-LGI3M-PFM5VW`. */
export const OrderIdSchema = v.pipe(
  v.string('must be an order id string'),
  v.nonEmpty('must not be empty'),
)

/**
 * An integer tag (`order_userref`): a safe-integer number, or a bigint when it
 * may exceed 2^53 (written exactly).
 */
export const IntegerSchema = v.union(
  [v.pipe(v.number(), v.safeInteger('must be an integer')), v.bigint()],
  'must be an integer (number or bigint)',
)
