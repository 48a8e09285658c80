/**
 * Exact decimal text for integer amounts of the smallest unit: the market
 * keeps prices and quantities as integers (units of `10^-precision`), so the
 * text it writes on the wire is exact, with Kraken's trailing zeros.
 */

/**
 * Writes `units` (an integer count of `10^-precision`) as decimal text with
 * exactly `precision` fraction digits, e.g. `(123, 2)` → `"1.23"`.
 */
export function formatUnits(units: number, precision: number): string {
  const negative = units < 0
  const digits = String(Math.abs(units))
  if (precision === 0) return negative ? `-${digits}` : digits
  const padded = digits.padStart(precision + 1, '0')
  const cut = padded.length - precision
  const text = `${padded.slice(0, cut)}.${padded.slice(cut)}`
  return negative ? `-${text}` : text
}

/**
 * Reads decimal text (optionally with an exponent, as JSON allows) as an
 * integer count of `10^-precision`. Throws a `RangeError` when the text has
 * more fraction digits than `precision` or is not a number.
 */
export function toUnits(text: string, precision: number): number {
  const padded = padDecimal(text, precision)
  const negative = padded.startsWith('-')
  const units = Number(padded.replace('-', '').replace('.', ''))
  return negative ? -units : units
}

const NUMBER_RE = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * Rewrites a JSON number literal with exactly `precision` fraction digits,
 * without going through a float: `("7.723e-05", 8)` → `"0.00007723"`,
 * `("4.0", 8)` → `"4.00000000"`. Throws a `RangeError` when digits would be
 * lost or the text is not a number literal.
 */
export function padDecimal(text: string, precision: number): string {
  const match = NUMBER_RE.exec(text)
  if (match === null) throw new RangeError(`Not a decimal number: ${text}`)
  const [, sign = '', whole = '', fraction = '', exponentText] = match
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  let digits = whole + fraction
  let point = whole.length + exponent
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  if (point > digits.length) digits = digits.padEnd(point, '0')
  let intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '')
  if (intPart === '') intPart = '0'
  const fracPart = digits.slice(point)
  const significant = fracPart.replace(/0+$/, '')
  if (significant.length > precision)
    throw new RangeError(`${text} has more than ${precision} decimals`)
  if (precision === 0) return sign + intPart
  return `${sign}${intPart}.${fracPart.slice(0, precision).padEnd(precision, '0')}`
}

/**
 * Drops trailing fraction zeros but keeps one fraction digit, the way
 * Kraken writes ticker and trade values (`740.0`, `0.1`).
 */
export function trimDecimal(text: string): string {
  if (!text.includes('.')) return text
  return text.replace(/0+$/, '').replace(/\.$/, '.0')
}

/** The number of `10^-precision` units in one `increment` (decimal text). */
export function incrementUnits(increment: string, precision: number): number {
  const units = toUnits(increment, precision)
  if (units <= 0)
    throw new RangeError(`Increment must be positive: ${increment}`)
  return units
}
