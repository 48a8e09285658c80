import { TapeFormatError } from '../errors.js'
import type { TapeEvent } from './events.js'

/** Version written in each sidecar's first line. */
export const TAPE_FORMAT_VERSION = 1

/**
 * One line of a segment's sidecar (`NNNNNN.meta.gz`), decoded. `in` without
 * `text` means "the next line of the frames file"; `close` consumes one blank
 * line there (tardis.dev's disconnect marker).
 */
export type SidecarRecord =
  | {
      readonly k: 'in'
      readonly c: number
      readonly m: number
      readonly t?: string
      readonly f?: string
    }
  | {
      readonly k: 'out'
      readonly c: number
      readonly m: number
      readonly t: string
      readonly f: string
      readonly r: boolean
    }
  | {
      readonly k: 'open'
      readonly c: number
      readonly m: number
      readonly t: string
      readonly e: string
      readonly u: string
    }
  | {
      readonly k: 'close'
      readonly c: number
      readonly m: number
      readonly t: string
      readonly why: string
    }

/** The first line of every sidecar. */
export function sidecarHeader(segment: number): string {
  return `{"tape":${TAPE_FORMAT_VERSION},"seg":${segment}}\n`
}

/** A received frame whose text sits in the frames file. */
export function encodeReceivedRef(conn: number, mono: number): string {
  return `{"k":"in","c":${conn},"m":${mono}}\n`
}

/**
 * Encodes an event as a sidecar line (for `in`, only when its text cannot sit
 * on one frames line).
 */
export function encodeSidecar(event: TapeEvent): string {
  switch (event.kind) {
    case 'in':
      return `{"k":"in","c":${event.conn},"m":${event.mono},"t":"${event.time}","f":${JSON.stringify(event.text)}}\n`
    case 'out':
      return `{"k":"out","c":${event.conn},"m":${event.mono},"t":"${event.time}","f":${JSON.stringify(event.text)},"r":${event.redacted}}\n`
    case 'open':
      return `{"k":"open","c":${event.conn},"m":${event.mono},"t":"${event.time}","e":${JSON.stringify(event.endpoint)},"u":${JSON.stringify(event.url)}}\n`
    case 'close':
      return `{"k":"close","c":${event.conn},"m":${event.mono},"t":"${event.time}","why":${JSON.stringify(event.reason)}}\n`
  }
}

const KINDS = new Set(['in', 'out', 'open', 'close'])
const RECEIVED_REF = /^\{"k":"in","c":(\d+),"m":(\d+)\}$/

/**
 * Decodes a sidecar line; `undefined` for the header line.
 * @throws {TapeFormatError} on a line that is not a sidecar record.
 */
export function decodeSidecar(
  line: string,
  where: { file: string; line: number },
): SidecarRecord | undefined {
  // The most common line by far, as the writer spells it: no JSON.parse.
  const ref = RECEIVED_REF.exec(line)
  if (ref !== null) return { k: 'in', c: Number(ref[1]), m: Number(ref[2]) }
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (cause) {
    throw new TapeFormatError('sidecar line is not JSON', { ...where, cause })
  }
  if (typeof value !== 'object' || value === null)
    throw new TapeFormatError('sidecar line is not an object', where)
  const record = value as Record<string, unknown>
  if (record.tape !== undefined) {
    if (record.tape !== TAPE_FORMAT_VERSION)
      throw new TapeFormatError(
        `unsupported tape version ${String(record.tape)}`,
        where,
      )
    return undefined
  }
  if (!KINDS.has(record.k as string))
    throw new TapeFormatError(
      'sidecar "k" must be in, out, open or close',
      where,
    )
  if (!Number.isInteger(record.c) || typeof record.m !== 'number')
    throw new TapeFormatError('sidecar "c" and "m" must be numbers', where)
  if (record.k !== 'in' && typeof record.t !== 'string')
    throw new TapeFormatError('sidecar "t" must be a timestamp', where)
  return record as SidecarRecord
}
