/**
 * Exact decimal arithmetic on `bigint`s, enough for order prices and quantities:
 * parse a decimal string or a JS number, compare, multiply, divide to an integer
 * with a chosen rounding direction, and format back in plain notation.
 */

/** An exact decimal: `units / 10 ** scale`. Never negative here. */
export type Decimal = { readonly units: bigint; readonly scale: number }

/**
 * Largest count of significant digits accepted from input. A price or a
 * quantity never needs more; more means a typo or an overflowing computation.
 */
export const MAX_SIGNIFICANT_DIGITS = 30

/** Largest count of integer digits accepted (values below 10^18). */
export const MAX_INTEGER_DIGITS = 18

/** Why a value could not be read as a decimal. */
export type DecimalParseFailure =
  | 'not_finite'
  | 'negative'
  | 'malformed'
  | 'too_many_digits'

const DECIMAL_RE = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/** Plain or exponent decimal text (no sign) to an exact value, with no size limit. */
function readDecimalText(text: string): Decimal | undefined {
  const match = DECIMAL_RE.exec(text)
  const intPart = match?.[1] ?? ''
  const fracPart = match?.[2] ?? ''
  if (!match || (intPart === '' && fracPart === '')) return undefined
  const exponent = Number(match[3] ?? '0')
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000)
    return undefined
  const digits = (intPart + fracPart).replace(/^0+/, '')
  let scale = fracPart.length - exponent
  let units = digits === '' ? 0n : BigInt(digits)
  if (scale < 0) {
    units *= 10n ** BigInt(-scale)
    scale = 0
  }
  return normalize({ units, scale })
}

/**
 * Reads a decimal string (plain or exponent form, as Kraken sometimes sends
 * `1e-08`), a finite number or a bigint, exactly.
 */
export function parseDecimal(
  input: string | number | bigint,
): { ok: true; value: Decimal } | { ok: false; failure: DecimalParseFailure } {
  let text: string
  if (typeof input === 'bigint') {
    if (input < 0n) return { ok: false, failure: 'negative' }
    text = input.toString()
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, failure: 'not_finite' }
    if (input < 0) return { ok: false, failure: 'negative' }
    text = String(input)
  } else {
    text = input.trim()
    if (/^[+-]?(inf|infinity|nan)$/i.test(text))
      return { ok: false, failure: 'not_finite' }
    if (text.startsWith('-')) return { ok: false, failure: 'negative' }
    if (text.startsWith('+')) text = text.slice(1)
  }
  if (!DECIMAL_RE.test(text) || !/^\.?\d/.test(text))
    return { ok: false, failure: 'malformed' }
  const value = readDecimalText(text)
  if (value === undefined) return { ok: false, failure: 'too_many_digits' }
  const significant =
    value.units === 0n ? 0 : value.units.toString().replace(/0+$/, '').length
  const integerDigits = (value.units / 10n ** BigInt(value.scale)).toString()
    .length
  if (
    significant > MAX_SIGNIFICANT_DIGITS ||
    integerDigits > MAX_INTEGER_DIGITS
  ) {
    return { ok: false, failure: 'too_many_digits' }
  }
  return { ok: true, value }
}

/** Drops trailing fractional zeros: `{ units: 1200n, scale: 3 }` becomes `{ 12n, 1 }`. */
export function normalize(value: Decimal): Decimal {
  let { units, scale } = value
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale -= 1
  }
  return { units, scale }
}

/** Plain decimal text with no trailing fractional zeros: `"26500.4"`, `"0.00000001"`. */
export function formatDecimal(value: Decimal): string {
  const { units, scale } = normalize(value)
  if (scale === 0) return units.toString()
  const text = units.toString().padStart(scale + 1, '0')
  return `${text.slice(0, -scale)}.${text.slice(-scale)}`
}

/** Both values rescaled to their common scale. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale)
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ]
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** The exact product. */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return normalize({ units: a.units * b.units, scale: a.scale + b.scale })
}

/** Direction for {@link roundToIncrement}: toward zero, away from zero, or the nearest (ties away from zero). */
export type RoundingMode = 'down' | 'up' | 'nearest'

/**
 * `value` rounded to a whole multiple of `increment` (which must be positive).
 * Exact: no binary float is involved.
 */
export function roundToIncrement(
  value: Decimal,
  increment: Decimal,
  mode: RoundingMode,
): Decimal {
  const [x, step] = align(value, increment)
  let count = x / step
  const remainder = x % step
  if (remainder !== 0n) {
    if (mode === 'up' || (mode === 'nearest' && remainder * 2n >= step))
      count += 1n
  }
  return normalize({ units: count * increment.units, scale: increment.scale })
}
