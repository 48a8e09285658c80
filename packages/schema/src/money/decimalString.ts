/**
 * A decimal number written as text, e.g. `'26500.40'` or `'-2.0'`: an optional
 * minus sign, integer digits without leading zeros, and an optional fraction.
 * Exponents, `+` signs, spaces and bare points (`'.5'`, `'5.'`) are refused
 * because the text is written verbatim as a JSON number literal.
 */
export type DecimalString = string

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/

/**
 * Whether `text` is a decimal string that can be written verbatim as a JSON
 * number literal (see {@link DecimalString}).
 *
 * @example
 * ```ts
 * import { isDecimalString } from '@kraken-sockets/schema'
 *
 * isDecimalString('26500.40') // true
 * isDecimalString('1e-8') // false: exponents are refused
 * ```
 */
export function isDecimalString(text: string): text is DecimalString {
  return DECIMAL.test(text)
}
