/**
 * One frame of a recording, one JSON object per line (JSON Lines).
 * `frame` is the raw text as sent on the wire, so that every digit survives.
 */
export type RecordedFrame = {
  /** When the frame was seen (ms since the epoch). */
  readonly t: number
  /** `in`: received by the recording side; `out`: sent by it. */
  readonly dir: 'in' | 'out'
  /** Which connection, when one recording holds several. */
  readonly conn?: string
  /** The frame's text (base64 when `encoding` is `base64`). */
  readonly frame: string
  /** Set for binary frames, stored as base64. */
  readonly encoding?: 'base64'
}

/** A recording line that is not a {@link RecordedFrame}. */
export class RecordingFormatError extends Error {
  override name = 'RecordingFormatError'
  /** The 1-based line number. */
  readonly line: number
  constructor(line: number, reason: string, options?: { cause?: unknown }) {
    super(`Recording line ${line} is invalid: ${reason}.`, options)
    this.line = line
  }
}

/** Writes one record as a JSON Lines line (with its trailing newline). */
export function encodeRecord(record: RecordedFrame): string {
  return `${JSON.stringify(record)}\n`
}

function check(value: unknown, line: number): RecordedFrame {
  if (typeof value !== 'object' || value === null)
    throw new RecordingFormatError(line, 'not an object')
  const record = value as Record<string, unknown>
  if (typeof record.t !== 'number' || !Number.isFinite(record.t))
    throw new RecordingFormatError(line, '"t" must be a number')
  if (record.dir !== 'in' && record.dir !== 'out')
    throw new RecordingFormatError(line, '"dir" must be "in" or "out"')
  if (typeof record.frame !== 'string')
    throw new RecordingFormatError(line, '"frame" must be a string')
  if (record.conn !== undefined && typeof record.conn !== 'string')
    throw new RecordingFormatError(line, '"conn" must be a string')
  if (record.encoding !== undefined && record.encoding !== 'base64')
    throw new RecordingFormatError(line, '"encoding" must be "base64"')
  return record as RecordedFrame
}

/**
 * Parses a JSON Lines recording; blank lines are skipped.
 *
 * @throws {RecordingFormatError} on a line that is not a record.
 * @example
 * ```ts
 * const records = parseRecording(readFileSync('session.jsonl', 'utf8'))
 * ```
 */
export function parseRecording(text: string): RecordedFrame[] {
  const records: RecordedFrame[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? ''
    if (line === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (cause) {
      throw new RecordingFormatError(i + 1, 'not JSON', { cause })
    }
    records.push(check(value, i + 1))
  }
  return records
}
