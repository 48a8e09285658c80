import { existsSync, readdirSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { TapeFormatError } from '../errors.js'
import type { TapeEvent } from '../format/events.js'
import { decodeSidecar } from '../format/sidecar.js'
import { parseTardisLine } from '../format/tardisLine.js'
import { parseTapeTime } from '../format/time.js'
import { framesFileName, metaFileName } from '../write/segmentFiles.js'
import { readLineBatches } from './lines.js'
import { type IndexEntry, seekIndex } from './sparseIndex.js'

/** Options of {@link readTape}. */
export type ReadTapeOptions = {
  /** First time to read (µs since the epoch); uses the sparse index to seek. */
  from?: number | undefined
  /** Stop before this time (µs since the epoch). */
  to?: number | undefined
}

const SEGMENT_RE = /^(\d{6})\.meta\.gz$/

/** Segment numbers of a tape folder, in order. */
export function tapeSegments(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => SEGMENT_RE.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/**
 * Streams a tape's events in order. `path` is a tape folder (written by
 * `createTapeWriter`) or a single tardis.dev raw file (gzip or plain): there
 * every line is a received frame of a public connection, and a blank line
 * (tardis.dev's disconnect marker) starts a new connection.
 *
 * @throws {TapeFormatError} (from the iterator) on a malformed tape.
 * @example
 * ```ts
 * for await (const event of readTape('session.tape'))
 *   if (event.kind === 'in') console.log(event.time, event.text)
 * ```
 */
export async function* readTape(
  path: string,
  options: ReadTapeOptions = {},
): AsyncGenerator<TapeEvent> {
  for await (const batch of readTapeBatches(path, options)) yield* batch
}

/**
 * {@link readTape} in batches (one per chunk read): the fast way to stream a
 * large tape, with one `await` per batch instead of per event.
 */
export async function* readTapeBatches(
  path: string,
  options: ReadTapeOptions = {},
): AsyncGenerator<TapeEvent[]> {
  if (!existsSync(path)) throw new TapeFormatError(`no such tape: ${path}`)
  const batches = statSync(path).isDirectory()
    ? readFolder(path, options.from)
    : readTardisFile(path)
  const { from, to } = options
  if (from === undefined && to === undefined) {
    yield* batches
    return
  }
  // Before `from`, only the connections still open are kept, and announced
  // at the first event read.
  const pending = new Map<number, TapeEvent>()
  let started = from === undefined
  for await (const batch of batches) {
    const out: TapeEvent[] = []
    for (const event of batch) {
      const micros = parseTapeTime(event.time)
      if (to !== undefined && micros >= to) {
        if (out.length > 0) yield out
        return
      }
      if (!started && from !== undefined && micros < from) {
        if (event.kind === 'open') pending.set(event.conn, event)
        else if (event.kind === 'close') pending.delete(event.conn)
        continue
      }
      if (!started) {
        started = true
        out.push(...pending.values())
      }
      out.push(event)
    }
    if (out.length > 0) yield out
  }
}

async function* readFolder(
  dir: string,
  from: number | undefined,
): AsyncGenerator<TapeEvent[]> {
  const segments = tapeSegments(dir)
  if (segments.length === 0)
    throw new TapeFormatError(`${dir} holds no tape segments (NNNNNN.meta.gz)`)
  let start: IndexEntry | undefined
  if (from !== undefined) start = await seekIndex(dir, from)
  if (start !== undefined && start.open.length > 0) {
    // Connections opened before the seek point are announced again, so a
    // reader (and `cut`) knows each frame's endpoint.
    const at = start
    yield at.open.map(([conn, endpoint, url]) => ({
      kind: 'open' as const,
      conn,
      endpoint,
      url,
      time: at.t,
      mono: at.m,
    }))
  }
  for (const segment of segments) {
    if (start !== undefined && segment < start.seg) continue
    yield* readSegment(dir, segment, start?.seg === segment ? start : undefined)
  }
}

/** Pulls lines one at a time from a batched line stream. */
function lineCursor(batches: AsyncGenerator<string[]>) {
  let batch: string[] = []
  let at = 0
  let line = 0
  return {
    get line() {
      return line
    },
    /** The next line, or `undefined` at the end of the file. */
    async next(): Promise<string | undefined> {
      while (at >= batch.length) {
        const next = await batches.next()
        if (next.done === true) return undefined
        batch = next.value
        at = 0
      }
      line++
      return batch[at++]
    },
    close: () => batches.return(undefined),
  }
}

async function* readSegment(
  dir: string,
  segment: number,
  at: IndexEntry | undefined,
): AsyncGenerator<TapeEvent[]> {
  const metaFile = join(dir, metaFileName(segment))
  const framesFile = join(dir, framesFileName(segment))
  const frames = lineCursor(readLineBatches(framesFile, { start: at?.fo ?? 0 }))
  const nextFrame = async (): Promise<string> => {
    const text = await frames.next()
    if (text === undefined)
      throw new TapeFormatError('the frames file ended before its sidecar', {
        file: framesFile,
      })
    return text
  }
  let line = 0
  try {
    for await (const lines of readLineBatches(metaFile, {
      start: at?.mo ?? 0,
    })) {
      const out: TapeEvent[] = []
      for (const text of lines) {
        line++
        if (text === '') continue
        const record = decodeSidecar(text, { file: metaFile, line })
        if (record === undefined) continue
        switch (record.k) {
          case 'in': {
            if (record.f !== undefined && record.t !== undefined) {
              out.push({
                kind: 'in',
                conn: record.c,
                mono: record.m,
                time: record.t,
                text: record.f,
              })
              break
            }
            const tardis = parseTardisLine(await nextFrame(), {
              file: framesFile,
              line: frames.line,
            })
            out.push({
              kind: 'in',
              conn: record.c,
              mono: record.m,
              time: tardis.time,
              text: tardis.text,
            })
            break
          }
          case 'out':
            out.push({
              kind: 'out',
              conn: record.c,
              mono: record.m,
              time: record.t,
              text: record.f,
              redacted: record.r,
            })
            break
          case 'open':
            out.push({
              kind: 'open',
              conn: record.c,
              mono: record.m,
              time: record.t,
              endpoint: record.e as 'public',
              url: record.u,
            })
            break
          case 'close':
            if ((await nextFrame()) !== '')
              throw new TapeFormatError(
                'expected a blank line at a connection close',
                {
                  file: framesFile,
                  line: frames.line,
                },
              )
            out.push({
              kind: 'close',
              conn: record.c,
              mono: record.m,
              time: record.t,
              reason: record.why,
            })
            break
        }
      }
      if (out.length > 0) yield out
    }
  } finally {
    await frames.close()
  }
}

async function* readTardisFile(file: string): AsyncGenerator<TapeEvent[]> {
  let conn = 0
  let open = false
  let origin: number | undefined
  let last = { time: '', mono: 0 }
  let line = 0
  const gzip = await isGzip(file)
  for await (const lines of readLineBatches(file, { gzip })) {
    const out: TapeEvent[] = []
    for (const text of lines) {
      line++
      if (text === '') {
        if (open) {
          open = false
          out.push({ kind: 'close', conn, reason: 'disconnect', ...last })
        }
        continue
      }
      const tardis = parseTardisLine(text, { file, line })
      const micros = parseTapeTime(tardis.time)
      origin ??= micros
      last = { time: tardis.time, mono: micros - origin }
      if (!open) {
        open = true
        conn++
        out.push({
          kind: 'open',
          conn,
          endpoint: 'public',
          url: 'tardis:',
          ...last,
        })
      }
      out.push({ kind: 'in', conn, text: tardis.text, ...last })
    }
    if (out.length > 0) yield out
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(2)
    await handle.read(head, 0, 2, 0)
    return head[0] === 0x1f && head[1] === 0x8b
  } finally {
    await handle.close()
  }
}
