import { crcFeed } from './crc32Shift.js'

/*
 * Kraken's checksum reads each price and quantity as its full-precision
 * decimal text with '.' removed and leading zeros stripped. These helpers feed
 * those digits straight into a CRC register, without building the stripped
 * string, and report how many bytes they fed.
 */

const TWO_POW_32 = 4_294_967_296

/** `feedDecimal` result: the text is not a plain non-negative decimal. */
export const INVALID_DECIMAL = -1
/** `feedDecimal` result: the text uses exponent notation; expand it first. */
export const EXPONENT_DECIMAL = -2

/**
 * Feeds the checksum digits of `text` (padded with zeros to `minDecimals`
 * fraction digits) into `register`. Returns `fedBytes * 2^32 + register`
 * (read back with {@link packedRegister} and {@link packedLength}), or a
 * negative code.
 */
export function feedDecimal(
  text: string,
  minDecimals: number,
  register: number,
): number {
  let fed = 0
  let digits = 0
  let fraction = -1
  let r = register
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      if (fraction >= 0) fraction++
      if (fed === 0 && c === 48) continue
      r = crcFeed(r, c)
      fed++
    } else if (c === 46 && fraction < 0) fraction = 0
    else if (c === 101 || c === 69) return EXPONENT_DECIMAL
    else return INVALID_DECIMAL
  }
  if (digits === 0) return INVALID_DECIMAL
  // Zeros added after an all-zero text are still leading zeros: not fed.
  if (fed > 0)
    for (let pad = minDecimals - Math.max(fraction, 0); pad > 0; pad--) {
      r = crcFeed(r, 48)
      fed++
    }
  return fed * TWO_POW_32 + (r >>> 0)
}

/** The register part of a `feedDecimal` result. */
export function packedRegister(packed: number): number {
  return (packed % TWO_POW_32) | 0
}

/** The byte count part of a `feedDecimal` result. */
export function packedLength(packed: number): number {
  return Math.floor(packed / TWO_POW_32)
}

const EXPONENT_TEXT = /^(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/

/**
 * Rewrites exponent notation (`1e-08`, `1.5E+3`) as a plain decimal
 * (`0.00000001`, `1500`); returns `undefined` for anything else.
 */
export function expandExponent(text: string): string | undefined {
  const match = EXPONENT_TEXT.exec(text)
  if (match === null) return undefined
  const whole = match[1] ?? ''
  const fraction = match[2] ?? ''
  const digits = whole + fraction
  if (digits.length === 0 || digits.length > 400) return undefined
  const point = whole.length + Number(match[3])
  if (!Number.isSafeInteger(point) || Math.abs(point) > 400) return undefined
  let plain: string
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length)
    plain = digits + '0'.repeat(point - digits.length)
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`
  return plain.replace(/^0+(?=\d)/, '')
}

/**
 * Plain decimal text of a number: with exactly `precision` fraction digits
 * when given, else the shortest text that reads back as the same number
 * (never exponent notation).
 */
export function formatNumber(value: number, precision?: number): string {
  const text =
    precision === undefined ? String(value) : value.toFixed(precision)
  return text.includes('e') ? (expandExponent(text) ?? text) : text
}

/**
 * The decimal text a checksum reads for `text`: exponent notation expanded,
 * zero-padded to `minDecimals` fraction digits (never trimmed).
 */
export function fullPrecisionText(text: string, minDecimals: number): string {
  const plain = /[eE]/.test(text) ? (expandExponent(text) ?? text) : text
  const dot = plain.indexOf('.')
  const fraction = dot < 0 ? 0 : plain.length - dot - 1
  if (fraction >= minDecimals) return plain
  return `${plain}${dot < 0 ? '.' : ''}${'0'.repeat(minDecimals - fraction)}`
}

/** Kraken's checksum form of a decimal: '.' removed, leading zeros stripped. */
export function checksumDigits(text: string, minDecimals: number): string {
  return fullPrecisionText(text, minDecimals)
    .replace('.', '')
    .replace(/^0+/, '')
}

/** Number of fraction digits in a plain decimal text. */
export function fractionDigits(text: string): number {
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}
