import { createWriteStream } from 'node:fs'
import { encodeRecord, type RecordedFrame } from './format.js'

/** Raw frame data as `ws` or a generic channel delivers it. */
export type FrameData = string | Buffer | ArrayBuffer | readonly Buffer[]

/** Appends records to a sink; used by clients and by the simulator. */
export type Recorder = {
  /**
   * Records one frame. Text is kept as is; binary data is kept as base64
   * unless `isBinary` is `false` (ws delivers text frames as Buffers).
   */
  record(
    dir: 'in' | 'out',
    data: FrameData,
    options?: { conn?: string; isBinary?: boolean },
  ): void
}

/** Options of {@link createRecorder}. */
export type RecorderConfig = {
  /** Receives each JSON Lines line (newline included). */
  readonly write: (line: string) => void
  /**
   * The clock (ms since the epoch).
   * @default Date.now
   */
  readonly now?: () => number
  /** A default `conn` for every record. */
  readonly conn?: string
}

function toBuffer(data: Exclude<FrameData, string>): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (data instanceof ArrayBuffer) return Buffer.from(data)
  return Buffer.concat(data as Buffer[])
}

/**
 * Creates a recorder writing JSON Lines to `write`. The simulator calls
 * `record` for each frame it receives (`in`) and sends (`out`).
 *
 * @example
 * ```ts
 * const lines: string[] = []
 * const recorder = createRecorder({ write: (line) => lines.push(line) })
 * recorder.record('out', '{"method":"ping"}', { conn: '1' })
 * ```
 */
export function createRecorder(config: RecorderConfig): Recorder {
  const now = config.now ?? (() => Date.now())
  return {
    record(dir, data, options = {}) {
      const conn = options.conn ?? config.conn
      let record: RecordedFrame
      if (typeof data === 'string') record = { t: now(), dir, frame: data }
      else {
        const buffer = toBuffer(data)
        record =
          options.isBinary === false
            ? { t: now(), dir, frame: buffer.toString('utf8') }
            : {
                t: now(),
                dir,
                frame: buffer.toString('base64'),
                encoding: 'base64',
              }
      }
      config.write(
        encodeRecord(conn === undefined ? record : { ...record, conn }),
      )
    },
  }
}

/** A file sink for {@link createRecorder}; `close()` resolves once all is flushed. */
export function createFileSink(path: string): {
  write: (line: string) => void
  close: () => Promise<void>
} {
  const stream = createWriteStream(path, { flags: 'a', encoding: 'utf8' })
  let failure: unknown
  stream.on('error', (error) => {
    failure = error
  })
  return {
    write: (line) => {
      stream.write(line)
    },
    close: () =>
      new Promise((resolve, reject) => {
        stream.end(() => (failure === undefined ? resolve() : reject(failure)))
        stream.once('error', reject)
      }),
  }
}
