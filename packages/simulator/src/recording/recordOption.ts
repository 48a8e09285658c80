import { RecordingError } from '../errors.js'
import { createFileSink, createRecorder, type Recorder } from './recorder.js'

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

const TOKEN_RE = /("token"\s*:\s*)"(?:[^"\\]|\\.)*"/g

/** Replaces every `"token":"..."` value with `"[redacted]"`: a recording never keeps a WS token. */
export function redactTokens(frame: string): string {
  return frame.includes('"token"')
    ? frame.replace(TOKEN_RE, '$1"[redacted]"')
    : frame
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
          inner.record(
            dir,
            dir === 'in' && typeof data === 'string'
              ? redactTokens(data)
              : data,
            options,
          )
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
