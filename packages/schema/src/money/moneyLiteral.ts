import { isDecimalString } from './decimalString.js'
import { formatPlainNumber } from './formatPlainNumber.js'

/**
 * The JSON number literal for a {@link Money} value, or `undefined` when the
 * value cannot be written as one (a non-decimal string, `NaN`, a non-money
 * type). Decimal strings keep their exact digits, numbers are written in plain
 * shortest form and bigints exactly.
 *
 * @example
 * ```ts
 * import { moneyLiteral } from '@kraken-sockets/schema'
 *
 * moneyLiteral('26500.40') // '26500.40'
 * moneyLiteral(1e-8) // '0.00000001'
 * moneyLiteral(12345678901234567890n) // '12345678901234567890'
 * ```
 */
export function moneyLiteral(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return isDecimalString(value) ? value : undefined
    case 'number':
      return Number.isFinite(value) ? formatPlainNumber(value) : undefined
    case 'bigint':
      return value.toString()
    default:
      return undefined
  }
}
