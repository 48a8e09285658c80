import { RecordingError } from '../errors.js'
import {
  createFileSink,
  createRecorder,
  type FrameData,
  type Recorder,
} from './recorder.js'
import { redactTokens } from './redactTokens.js'

// Exported here, where the package index has always found it.
export { redactTokens }

/** Where the simulator writes its recording: one JSON Lines line per call. */
export type RecordSink = {
  /** Receives each line, newline included. */
  write(line: string): void
  /** Called once by `close()` of the simulator; may flush. */
  close?(): void | Promise<void>
}

/** The simulator's recorder and how to finish it. */
export type ServerRecording = {
  readonly recorder: Recorder
  close(): Promise<void>
}

/**
 * Builds the recorder of the `record` option (a path is appended to). A
 * sink that throws never reaches the connections: recording stops, and
 * `close()` rejects with a {@link RecordingError}.
 */
export function openRecording(
  record: string | RecordSink,
  now: () => number,
): ServerRecording {
  const sink = typeof record === 'string' ? createFileSink(record) : record
  const inner = createRecorder({ write: (line) => sink.write(line), now })
  let stopped = false
  let failure: RecordingError | undefined
  let closing: Promise<void> | undefined
  return {
    recorder: {
      record(dir, data, options) {
        if (stopped) return
        try {
          if (dir === 'out') inner.record(dir, data, options)
          else recordIncoming(inner, data, options)
        } catch (cause) {
          stopped = true
          failure = new RecordingError({ cause })
        }
      },
    },
    close() {
      closing ??= (async () => {
        stopped = true
        try {
          await sink.close?.()
        } catch (cause) {
          failure ??= new RecordingError({ cause })
        }
        if (failure !== undefined) throw failure
      })()
      return closing
    },
  }
}

/**
 * Records a frame a client sent with its tokens hidden. A binary frame is
 * read as UTF-8 too: one that holds a token is recorded as its redacted text
 * (the simulator never accepts binary requests, but a recording must not keep
 * the secret either way).
 */
function recordIncoming(
  recorder: Recorder,
  data: FrameData,
  options: Parameters<Recorder['record']>[2],
): void {
  if (typeof data === 'string') {
    recorder.record('in', redactTokens(data), options)
    return
  }
  const text = Buffer.isBuffer(data)
    ? data.toString('utf8')
    : data instanceof ArrayBuffer
      ? Buffer.from(data).toString('utf8')
      : Buffer.concat(data as Buffer[]).toString('utf8')
  const redacted = redactTokens(text)
  if (redacted === text) recorder.record('in', data, options)
  else recorder.record('in', redacted, { ...options, isBinary: false })
}
