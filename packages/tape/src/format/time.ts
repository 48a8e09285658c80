import { TapeFormatError } from '../errors.js'

/** Length of a tardis.dev local timestamp: `2019-10-01T00:00:00.1234567Z`. */
export const TAPE_TIME_LENGTH = 28

const TIME_RE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/

let cachedSecond = Number.NaN
let cachedPrefix = ''
let parsedPrefix = '\u0000'
let parsedSeconds = 0

/**
 * Formats microseconds since the epoch as a 28-character tardis.dev
 * timestamp (`YYYY-MM-DDTHH:MM:SS.fffffffZ`, 100 ns digits; the last digit is
 * 0 since clocks here tick in µs).
 *
 * @example
 * ```ts
 * formatTapeTime(1_569_888_000_123_456) // '2019-10-01T00:00:00.1234560Z'
 * ```
 */
export function formatTapeTime(micros: number): string {
  const whole = Math.floor(micros)
  const second = Math.floor(whole / 1_000_000)
  if (second !== cachedSecond) {
    // One Date per second of tape: the prefix is all that changes slowly.
    cachedSecond = second
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 20)
  }
  const fraction = String(whole - second * 1_000_000).padStart(6, '0')
  return `${cachedPrefix}${fraction}0Z`
}

/**
 * Parses a tardis.dev timestamp (any number of fractional digits up to 9)
 * into microseconds since the epoch.
 *
 * @throws {TapeFormatError} when the text is not such a timestamp.
 */
export function parseTapeTime(text: string): number {
  // Consecutive events share their second: reuse its parse.
  if (
    text.length === TAPE_TIME_LENGTH &&
    text.startsWith(parsedPrefix) &&
    text.charCodeAt(27) === 90
  ) {
    const micros = Number(text.slice(20, 26))
    if (Number.isInteger(micros)) return parsedSeconds * 1_000_000 + micros
  }
  const match = TIME_RE.exec(text)
  if (match === null)
    throw new TapeFormatError(
      `not a tape timestamp: ${JSON.stringify(text.slice(0, 40))}`,
    )
  const seconds = Date.parse(`${match[1]}Z`) / 1000
  if (!Number.isFinite(seconds))
    throw new TapeFormatError(`not a valid date: ${match[1]}`)
  const micros = Number((match[2] ?? '').padEnd(6, '0').slice(0, 6))
  if (match[2] !== undefined) {
    parsedPrefix = `${match[1]}.`
    parsedSeconds = seconds
  }
  return seconds * 1_000_000 + micros
}

/** Parses a `--from`/`--to` bound: a tape timestamp, any ISO date, or ms since the epoch. */
export function parseTimeBound(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000
  if (TIME_RE.test(text)) return parseTapeTime(text)
  const ms = Date.parse(text)
  if (!Number.isFinite(ms))
    throw new TapeFormatError(`not a time: ${JSON.stringify(text)}`)
  return ms * 1000
}
