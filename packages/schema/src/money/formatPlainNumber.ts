/**
 * Writes a finite number in plain decimal notation, never with an exponent,
 * using the shortest digits that read back as the same number.
 *
 * `Number.prototype.toString` already picks the shortest round-tripping
 * digits but switches to exponent notation below 1e-6 and from 1e21 on; this
 * keeps its digits and only moves the decimal point.
 *
 * @throws {RangeError} when `value` is `NaN` or infinite.
 *
 * @example
 * ```ts
 * import { formatPlainNumber } from '@kraken-sockets/schema'
 *
 * formatPlainNumber(1e-8) // '0.00000001'
 * formatPlainNumber(1e21) // '1000000000000000000000'
 * ```
 */
export function formatPlainNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot write ${value} as a JSON number.`)
  }
  const text = String(value)
  const exponentAt = text.indexOf('e')
  if (exponentAt === -1) return text

  const negative = text.startsWith('-')
  const mantissa = text.slice(negative ? 1 : 0, exponentAt)
  const exponent = Number(text.slice(exponentAt + 1))
  const pointAt = mantissa.indexOf('.')
  const digits = pointAt === -1 ? mantissa : mantissa.replace('.', '')
  const integerLength = (pointAt === -1 ? mantissa.length : pointAt) + exponent

  let plain: string
  if (integerLength <= 0) {
    plain = `0.${'0'.repeat(-integerLength)}${digits}`
  } else if (integerLength >= digits.length) {
    plain = digits + '0'.repeat(integerLength - digits.length)
  } else {
    plain = `${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`
  }
  return negative ? `-${plain}` : plain
}
