import { readFileSync } from 'node:fs'
import type { RecordedFrame } from '../recording/format.js'

/**
 * Serves pre-built frames, or a recording made with the `record` option,
 * instead of the live feeds (for benchmarks and reproducible tests).
 */
export type ReplayOptions = {
  /** The frames to send, in order; or `file`, or `records`. */
  readonly frames?: readonly string[]
  /**
   * A file with one frame per line (`.jsonl`), a recording (JSON Lines of
   * `{t, dir, conn, frame}`; blank lines are skipped), or a tape: a
   * `@kraken-sockets/tape` folder or a gzip tardis.dev file (one taped
   * connection's received frames, see `connection`).
   */
  readonly file?: string
  /** A parsed recording (see `parseRecording`), instead of `file`. */
  readonly records?: readonly RecordedFrame[]
  /**
   * How `file` is read.
   * @default 'tape' for a folder or a `.gz` file; else 'recording' when its first line is a recorded frame, else 'frames'
   */
  readonly format?: 'frames' | 'recording' | 'tape'
  /**
   * Which recorded connection is served: a `conn` of the recording (like
   * `public:1234`) or of the tape (like `2`), or an endpoint kind (its
   * first connection).
   * @default the recording's first connection
   */
  readonly connection?: string
  /**
   * Which recorded frames are served: `data` skips the status messages,
   * heartbeats and method responses, which the server sends itself.
   * @default 'data'
   */
  readonly include?: 'data' | 'all'
  /**
   * `fast`: as fast as the client reads; `original`: with the recorded
   * gaps between frames (recordings only).
   * @default 'fast'
   */
  readonly pace?: 'fast' | 'original'
  /**
   * When a connection's stream starts: on connect (after its status
   * message) or after its first successful subscribe.
   * @default 'subscribe'
   */
  readonly start?: 'connect' | 'subscribe'
  /** How many times the frames are sent. @default 1 */
  readonly repeat?: number
  /** Bytes buffered on the socket above which sending pauses. @default 1_048_576 */
  readonly highWaterMark?: number
  /** What happens after the last frame. @default 'idle' */
  readonly onEnd?: 'idle' | 'close'
}

/** Reads the replay frames from the options (a file is read once, at start). */
export function loadReplayFrames(options: ReplayOptions): readonly string[] {
  if (options.frames !== undefined) return options.frames
  if (options.file === undefined)
    throw new TypeError('replay needs `frames` or `file`')
  return readFileSync(options.file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
}

/** What the replay writes to: a connection and its socket's buffer level. */
export type ReplayTarget = {
  readonly isOpen: boolean
  readonly socket: { readonly bufferedAmount: number }
  write(frame: string, callback: () => void): void
  close(code?: number, reason?: string): void
}

/**
 * Streams `frames` to one connection as fast as the client reads them:
 * sending pauses while the socket holds more than `highWaterMark` bytes and
 * resumes from the send callbacks, so memory stays bounded.
 */
export function streamReplay(
  session: ReplayTarget,
  frames: readonly string[],
  options: ReplayOptions,
): void {
  const total = frames.length * Math.max(0, options.repeat ?? 1)
  const highWaterMark = options.highWaterMark ?? 1_048_576
  const socket = session.socket
  let index = 0
  let waiting = false
  const resume = () => {
    if (waiting && socket.bufferedAmount < highWaterMark) {
      waiting = false
      pump()
    }
  }
  const pump = () => {
    while (index < total && session.isOpen) {
      if (socket.bufferedAmount >= highWaterMark) {
        waiting = true
        return
      }
      const frame = frames[index % frames.length] ?? ''
      index++
      session.write(frame, index === total ? finish : resume)
    }
  }
  const finish = () => {
    if (options.onEnd === 'close') session.close(1000, 'replay finished')
  }
  if (total === 0) finish()
  else pump()
}
