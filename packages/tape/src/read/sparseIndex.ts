import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TransportEndpoint } from '@kraken-sockets/transport'
import { TapeFormatError } from '../errors.js'
import { parseTapeTime } from '../format/time.js'
import { INDEX_FILE } from '../write/segmentFiles.js'
import { readLines } from './lines.js'

/** A connection open at an index point: `[conn, endpoint, url]`. */
export type OpenConnection = [number, TransportEndpoint, string]

/**
 * One line of `index.jsonl`: where a gzip member starts in both files of a
 * segment, the time of its first event, and the connections open there.
 */
export type IndexEntry = {
  /** Segment number. */
  seg: number
  /** Timestamp of the member's first event. */
  t: string
  /** Monotonic offset of the member's first event (µs). */
  m: number
  /** Byte offset of the member in the frames file. */
  fo: number
  /** Byte offset of the member in the sidecar. */
  mo: number
  /** Connections open before the member's first event. */
  open: OpenConnection[]
}

/**
 * Finds the last index entry at or before `micros` (µs since the epoch), by
 * streaming the index; `undefined` when the tape has no index or the time is
 * before its start.
 */
export async function seekIndex(
  dir: string,
  micros: number,
): Promise<IndexEntry | undefined> {
  const path = join(dir, INDEX_FILE)
  if (!existsSync(path)) return undefined
  let found: IndexEntry | undefined
  let line = 0
  for await (const text of readLines(path, { gzip: false })) {
    line++
    if (text === '') continue
    let entry: IndexEntry
    try {
      entry = JSON.parse(text) as IndexEntry
    } catch (cause) {
      throw new TapeFormatError('index line is not JSON', {
        file: path,
        line,
        cause,
      })
    }
    if (parseTapeTime(entry.t) > micros) break
    found = entry
  }
  return found
}
