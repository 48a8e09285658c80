import * as v from 'valibot'
import { isDecimalString } from './decimalString.js'

/**
 * A price or quantity in a request: a decimal string (preferred: its digits
 * are sent exactly as written), a finite number (sent in plain shortest
 * form, never with an exponent) or a bigint (an exact integer).
 *
 * Builders keep the value as given; {@link stringifyRequest} writes it as a
 * JSON number literal, which is what Kraken requires for money fields.
 */
export type Money = string | number | bigint

const DECIMAL_HINT =
  'must be a decimal string such as "26500.4" (no exponent, no leading zeros)'

/**
 * A signed {@link Money} value: limit and trigger prices, whose offsets may be
 * negative (`triggers.price: '-2.0'` with `price_type: 'pct'`).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const MoneySchema = v.union(
  [
    v.pipe(v.string(), v.check(isDecimalString, DECIMAL_HINT)),
    v.pipe(v.number(), v.finite('must be a finite number')),
    v.bigint(),
  ],
  'must be a decimal string, a finite number or a bigint',
)

const NOT_NEGATIVE = 'must not be negative'

/**
 * A non-negative {@link Money} value: order, display and cash quantities.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/add_order
 */
export const QuantitySchema = v.union(
  [
    v.pipe(
      v.string(),
      v.check(isDecimalString, DECIMAL_HINT),
      v.check((text) => !text.startsWith('-'), NOT_NEGATIVE),
    ),
    v.pipe(
      v.number(),
      v.finite('must be a finite number'),
      v.minValue(0, NOT_NEGATIVE),
    ),
    v.pipe(v.bigint(), v.minValue(0n, NOT_NEGATIVE)),
  ],
  'must be a decimal string, a finite number or a bigint',
)
