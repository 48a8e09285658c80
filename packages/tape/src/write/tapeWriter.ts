import { mkdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import { TapeWriteError } from '../errors.js'
import type {
  TapeEvent,
  TapeWriteEvent,
  TapeWriteStamp,
} from '../format/events.js'
import { redactTokens } from '../format/redact.js'
import {
  encodeReceivedRef,
  encodeSidecar,
  sidecarHeader,
} from '../format/sidecar.js'
import { encodeTardisLine } from '../format/tardisLine.js'
import { formatTapeTime } from '../format/time.js'
import type { IndexEntry, OpenConnection } from '../read/sparseIndex.js'
import { ByteChunk } from './byteChunk.js'
import {
  PROCESS_TIME_ORIGIN_MICROS,
  systemClock,
  type TapeClock,
} from './clock.js'
import {
  type CountingFile,
  framesFileName,
  INDEX_FILE,
  metaFileName,
  openCountingFile,
} from './segmentFiles.js'

const gzip = promisify(gzipCallback)

/** Options of {@link createTapeWriter}. */
export type TapeWriterOptions = {
  /** The tape's folder (created when missing). */
  dir: string
  /** Start a new segment once this many text bytes went into one. @default 256 MiB */
  rotateBytes?: number | undefined
  /** Start a new segment at each new UTC minute, as tardis.dev slices. @default false */
  rotateEveryMinute?: boolean | undefined
  /** Text bytes per gzip member; each member is one sparse-index entry. @default 256 KiB */
  chunkBytes?: number | undefined
  /** Seal the current member at least this often (ms), or `false`. @default 1000 */
  flushInterval?: number | false | undefined
  /** Bytes queued for compression before `write()` returns false. @default 16 MiB */
  highWaterMark?: number | undefined
  /**
   * gzip level, 1 (fastest) to 9 (smallest). Fast by default: a recording
   * must not cost the bot; recompress for storage if wanted.
   * @default 1
   */
  compressionLevel?: number | undefined
  /** @default the process clock */
  clock?: TapeClock | undefined
}

/** Counters of a writer. */
export type TapeWriterStats = {
  /** Events written. */
  readonly events: number
  /** Text bytes written (before compression). */
  readonly bytes: number
  /** Segments started. */
  readonly segments: number
}

/** Streams events into a tape folder. */
export type TapeWriter = {
  /**
   * Appends one event (sent frames are redacted here). Returns false once
   * more than `highWaterMark` bytes wait for the disk: await `drain()` then.
   * @throws {TapeWriteError} after `close()`.
   */
  write(event: TapeWriteEvent): boolean
  /** Resolves once the queue is below the high-water mark. */
  drain(): Promise<void>
  /** Seals and writes everything written so far. */
  flush(): Promise<void>
  /** Flushes and closes the files; rejects with the first disk error, if any. */
  close(): Promise<void>
  /** A new connection number for an `open` event. */
  nextConnection(): number
  /** True once `close()` was called. */
  readonly closed: boolean
  /** Counters so far. */
  readonly stats: TapeWriterStats
}

type Chunk = {
  segment: number
  frames: ByteChunk
  meta: ByteChunk
  bytes: number
  time: string
  mono: number
  open: OpenConnection[]
}

/**
 * Creates a streaming tape writer. Received frames go to
 * `NNNNNN.frames.gz` as tardis.dev raw lines; everything else (connections,
 * sent frames, monotonic offsets) to the `NNNNNN.meta.gz` sidecar; each gzip
 * member gets a line in `index.jsonl`. Compression runs off the main thread.
 *
 * @example
 * ```ts
 * const writer = createTapeWriter({ dir: 'session.tape' })
 * const conn = writer.nextConnection()
 * writer.write({ kind: 'open', conn, endpoint: 'public', url: 'wss://ws.kraken.com/v2' })
 * writer.write({ kind: 'in', conn, text: '{"channel":"heartbeat"}' })
 * await writer.close()
 * ```
 */
export function createTapeWriter(options: TapeWriterOptions): TapeWriter {
  const { dir } = options
  const rotateBytes = options.rotateBytes ?? 256 * 1024 * 1024
  const chunkBytes = options.chunkBytes ?? 256 * 1024
  const highWaterMark = options.highWaterMark ?? 16 * 1024 * 1024
  const clock = options.clock ?? systemClock
  const level = options.compressionLevel ?? 1
  const gzipChunk = Math.min(Math.max(chunkBytes, 16 * 1024), 4 * 1024 * 1024)
  mkdirSync(dir, { recursive: true })

  const monoOrigin = clock.monoMicros()
  const openConnections = new Map<number, OpenConnection>()
  let connections = 0
  let segment = 0
  let segmentBytes = 0
  let segmentMinute = ''
  let chunk: Chunk | undefined
  let queued = 0
  let tail: Promise<void> = Promise.resolve()
  let failure: unknown
  let closed = false
  let drainWaiters: (() => void)[] = []
  const stats = { events: 0, bytes: 0, segments: 0 }

  let files:
    | { segment: number; frames: CountingFile; meta: CountingFile }
    | undefined
  let index: CountingFile | undefined

  const timer =
    options.flushInterval === false
      ? undefined
      : setInterval(seal, options.flushInterval ?? 1000)
  timer?.unref()

  async function writeChunk(sealed: Chunk): Promise<void> {
    if (files?.segment !== sealed.segment) {
      if (files !== undefined)
        await Promise.all([files.frames.close(), files.meta.close()])
      files = {
        segment: sealed.segment,
        frames: openCountingFile(dir, framesFileName(sealed.segment)),
        meta: openCountingFile(dir, metaFileName(sealed.segment)),
      }
      stats.segments++
    }
    index ??= openCountingFile(dir, INDEX_FILE)
    // An output buffer as large as the member: one pass on libuv's pool
    // instead of a round trip per 16 KiB (zlib's default).
    const [frames, meta] = await Promise.all([
      gzip(sealed.frames.bytes(), { level, chunkSize: gzipChunk }),
      gzip(sealed.meta.bytes(), { level, chunkSize: gzipChunk }),
    ])
    const entry: IndexEntry = {
      seg: sealed.segment,
      t: sealed.time,
      m: sealed.mono,
      fo: files.frames.bytes,
      mo: files.meta.bytes,
      open: sealed.open,
    }
    await Promise.all([files.frames.append(frames), files.meta.append(meta)])
    await index.append(`${JSON.stringify(entry)}\n`)
  }

  function seal(): void {
    if (chunk === undefined) return
    const sealed = chunk
    chunk = undefined
    tail = tail
      .then(() => (failure === undefined ? writeChunk(sealed) : undefined))
      .catch((error: unknown) => {
        failure ??= error
      })
      .finally(() => {
        queued -= sealed.bytes
        if (queued < highWaterMark) {
          const waiters = drainWaiters
          drainWaiters = []
          for (const resolve of waiters) resolve()
        }
      })
  }

  function startChunk(time: string, mono: number): Chunk {
    const fresh: Chunk = {
      segment,
      // Room for a member and the line that seals it; the sidecar's lines
      // are short.
      frames: new ByteChunk(chunkBytes + 16 * 1024),
      meta: new ByteChunk((chunkBytes >> 2) + 1024),
      bytes: 0,
      time,
      mono,
      open: [...openConnections.values()],
    }
    if (segmentBytes === 0) fresh.meta.ascii(sidecarHeader(segment))
    return fresh
  }

  // The stamps of the event being written (no object per frame).
  let stampTime = ''
  let stampMono = 0
  function readStamps(event: TapeWriteStamp): void {
    let wall: number
    let mono: number
    if (clock === systemClock) {
      // One clock read for both stamps: this runs for every frame.
      const now = performance.now() * 1000
      wall = Math.round(PROCESS_TIME_ORIGIN_MICROS + now)
      mono = Math.round(now)
    } else {
      wall = clock.wallMicros()
      mono = clock.monoMicros()
    }
    stampTime = event.time ?? formatTapeTime(wall)
    stampMono = event.mono ?? mono - monoOrigin
  }

  /** The full event, for the kinds that are not received frames (rare). */
  function stampOther(
    event: Exclude<TapeWriteEvent, { kind: 'in' }>,
    time: string,
    mono: number,
  ): TapeEvent {
    switch (event.kind) {
      case 'out': {
        const { text, redacted } = redactTokens(event.text)
        return { kind: 'out', conn: event.conn, time, mono, text, redacted }
      }
      case 'open':
        return {
          kind: 'open',
          conn: event.conn,
          time,
          mono,
          endpoint: event.endpoint,
          url: event.url,
        }
      case 'close':
        return {
          kind: 'close',
          conn: event.conn,
          time,
          mono,
          reason: event.reason,
        }
    }
  }

  /** Appends an event to the current chunk; returns the bytes added. */
  function append(into: Chunk, input: TapeWriteEvent): number {
    const before = into.frames.length + into.meta.length
    if (input.kind === 'in') {
      // The hot path: no event object, one line in each file.
      if (input.text.includes('\n') || input.text.includes('\r'))
        into.meta.text(
          encodeSidecar({
            kind: 'in',
            conn: input.conn,
            time: stampTime,
            mono: stampMono,
            text: input.text,
          }),
        )
      else {
        // One short-lived string per line, encoded at once.
        into.frames.text(encodeTardisLine(stampTime, input.text))
        into.meta.ascii(encodeReceivedRef(input.conn, stampMono))
      }
    } else {
      const event = stampOther(input, stampTime, stampMono)
      into.meta.text(encodeSidecar(event))
      if (event.kind === 'open')
        openConnections.set(event.conn, [event.conn, event.endpoint, event.url])
      else if (event.kind === 'close') {
        openConnections.delete(event.conn)
        // tardis.dev's disconnect marker.
        into.frames.byte(0x0a)
      }
    }
    return into.frames.length + into.meta.length - before
  }

  return {
    get closed() {
      return closed
    },
    get stats() {
      return { ...stats }
    },
    nextConnection() {
      connections++
      return connections
    },
    write(input) {
      if (closed) throw new TapeWriteError('The tape writer is closed.')
      readStamps(input)
      if (input.conn > connections) connections = input.conn
      if (
        segment === 0 ||
        segmentBytes >= rotateBytes ||
        (options.rotateEveryMinute === true &&
          stampTime.slice(0, 16) !== segmentMinute)
      ) {
        seal()
        segment++
        segmentBytes = 0
        segmentMinute = stampTime.slice(0, 16)
      }
      chunk ??= startChunk(stampTime, stampMono)
      const added = append(chunk, input)
      chunk.bytes += added
      segmentBytes += added
      queued += added
      stats.events++
      stats.bytes += added
      if (chunk.bytes >= chunkBytes) seal()
      return queued < highWaterMark && failure === undefined
    },
    drain() {
      if (queued < highWaterMark) return Promise.resolve()
      return new Promise((resolve) => drainWaiters.push(resolve))
    },
    async flush() {
      seal()
      await tail
      if (failure !== undefined) throw failure
    },
    async close() {
      if (closed) return
      closed = true
      if (timer !== undefined) clearInterval(timer)
      seal()
      await tail
      const closing: Promise<void>[] = []
      if (files !== undefined)
        closing.push(files.frames.close(), files.meta.close())
      if (index !== undefined) closing.push(index.close())
      await Promise.allSettled(closing).then((results) => {
        for (const result of results)
          if (result.status === 'rejected') failure ??= result.reason
      })
      if (failure !== undefined)
        throw new TapeWriteError('Writing the tape failed.', { cause: failure })
    },
  }
}
