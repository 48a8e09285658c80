import { TapeFormatError } from '../errors.js'
import { TAPE_TIME_LENGTH } from './time.js'

/**
 * A line of tardis.dev's raw format: `<28-character UTC timestamp> <message>`.
 * The message is kept as its exact text.
 */
export type TardisLine = {
  /** The timestamp, as written. */
  readonly time: string
  /** The message's exact text. */
  readonly text: string
}

/** Encodes a received frame as a tardis.dev raw line (newline included). */
export function encodeTardisLine(time: string, text: string): string {
  return `${time} ${text}\n`
}

/**
 * Splits a tardis.dev raw line. The timestamp is normally 28 characters;
 * other lengths are accepted up to the first space.
 *
 * @throws {TapeFormatError} when the line has no space after a timestamp.
 */
export function parseTardisLine(
  line: string,
  where: { file: string; line: number },
): TardisLine {
  const space =
    line.charCodeAt(TAPE_TIME_LENGTH) === 32
      ? TAPE_TIME_LENGTH
      : line.indexOf(' ')
  if (space < 20 || line.charCodeAt(space - 1) !== 90 /* Z */)
    throw new TapeFormatError('expected "<timestamp> <message>"', where)
  return { time: line.slice(0, space), text: line.slice(space + 1) }
}
