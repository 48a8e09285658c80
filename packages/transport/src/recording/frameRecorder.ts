import type { TransportEndpoint } from '../types.js'

/**
 * One thing that happened on a recorded socket. `conn` numbers each socket
 * opening (a reconnect opens the next one).
 */
export type RecordedEvent =
  /** A socket opened. */
  | {
      readonly kind: 'open'
      readonly conn: number
      readonly endpoint: TransportEndpoint
      /** The socket URL, redacted. */
      readonly url: string
    }
  /** A frame received, exactly as its text arrived. */
  | { readonly kind: 'in'; readonly conn: number; readonly text: string }
  /**
   * A frame sent, as sent: it may hold a WebSocket token, which the
   * recorder must redact before it stores the frame.
   */
  | { readonly kind: 'out'; readonly conn: number; readonly text: string }
  /** A socket went away: `client`, `server <code> <reason>`, `stale`, ... */
  | { readonly kind: 'close'; readonly conn: number; readonly reason: string }

/**
 * Where a recorded session goes: a structural type, so that a client can
 * record without depending on a recording format. `@kraken-sockets/tape`'s
 * `createTapeWriter()` returns one.
 */
export interface FrameRecorder {
  /**
   * Stores one event. Sent frames (`out`) carry tokens: redact them here.
   * The return value (backpressure) is ignored: a socket is never slowed.
   */
  write(event: RecordedEvent): unknown
  /** A fresh connection number for an `open` event. */
  nextConnection(): number
  /** True once the recorder is closed: later events are dropped. */
  readonly closed: boolean
  /** Flushes and closes the recording. */
  close(): Promise<void>
}
