// Reads a JSON number literal and its value in one pass over the text, for
// the decoders that read frames without `JSON.parse`.
//
// Why the value equals `JSON.parse`'s: a literal of at most 15 digits and no
// exponent is `m / 10^k` with `m < 10^15 < 2^53` and `k <= 15`; both are exact
// doubles and IEEE division rounds correctly, so the quotient is the literal's
// correctly rounded value, which is what `JSON.parse` gives. Any other
// literal is converted by `Number`, which rounds the same way.

import { DIGIT_0, DIGIT_9, DOT, MINUS } from './textScan.js'

const MAX_EXACT_DIGITS = 15
// Read from text, so each power is the exact double (1e15 < 2^53).
const POWERS_OF_TEN = Array.from({ length: MAX_EXACT_DIGITS + 1 }, (_, k) =>
  Number(`1e${k}`),
)

/**
 * The value of the literal {@link scanNumber} read last. Decoding is
 * synchronous, so the caller reads it before scanning again.
 */
export let scannedValue = 0

/**
 * Reads the JSON number literal at `start` and sets {@link scannedValue}.
 * Returns where the literal ends, or -1 when no JSON number starts there or
 * its value is not finite (such a frame goes to the slow path, which says
 * why). The caller checks what follows the literal.
 */
export function scanNumber(text: string, start: number): number {
  let at = start
  let c = text.charCodeAt(at)
  const negative = c === MINUS
  if (negative) c = text.charCodeAt(++at)
  if (!(c >= DIGIT_0 && c <= DIGIT_9)) return -1
  let mantissa = c - DIGIT_0
  let digits = 1
  c = text.charCodeAt(++at)
  // A leading zero stands alone: `01` ends the literal after `0`.
  if (mantissa !== 0)
    while (c >= DIGIT_0 && c <= DIGIT_9) {
      mantissa = mantissa * 10 + (c - DIGIT_0)
      digits++
      c = text.charCodeAt(++at)
    }
  let decimals = 0
  if (c === DOT) {
    c = text.charCodeAt(++at)
    if (!(c >= DIGIT_0 && c <= DIGIT_9)) return -1
    do {
      mantissa = mantissa * 10 + (c - DIGIT_0)
      decimals++
      c = text.charCodeAt(++at)
    } while (c >= DIGIT_0 && c <= DIGIT_9)
    digits += decimals
  }
  if (c === 101 || c === 69) return scanExponent(text, start, at + 1)
  if (digits > MAX_EXACT_DIGITS) return converted(text, start, at)
  const magnitude =
    decimals === 0 ? mantissa : mantissa / (POWERS_OF_TEN[decimals] as number)
  scannedValue = negative ? -magnitude : magnitude
  return at
}

/** The rest of a literal from just after its `e` or `E`. */
function scanExponent(text: string, start: number, from: number): number {
  let at = from
  let c = text.charCodeAt(at)
  if (c === 43 || c === MINUS) c = text.charCodeAt(++at)
  if (!(c >= DIGIT_0 && c <= DIGIT_9)) return -1
  do c = text.charCodeAt(++at)
  while (c >= DIGIT_0 && c <= DIGIT_9)
  return converted(text, start, at)
}

function converted(text: string, start: number, end: number): number {
  const value = Number(text.slice(start, end))
  // 1e400 or 400 digits parse to Infinity: refused, as the schemas do.
  if (value - value !== 0) return -1
  scannedValue = value
  return end
}
