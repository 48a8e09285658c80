import type { TransportEndpoint } from '@kraken-sockets/transport'

/** Fields every tape event carries. */
export type TapeEventBase = {
  /** Connection number within the tape (1, 2, ...): one per socket opening. */
  readonly conn: number
  /** Wall-clock time as a 28-character tardis.dev timestamp. */
  readonly time: string
  /** Monotonic offset from the start of the tape (µs). */
  readonly mono: number
}

/** A socket opened (a reconnect opens a new connection number). */
export type TapeOpenEvent = TapeEventBase & {
  /** Discriminant. */
  readonly kind: 'open'
  /** Which Kraken socket. */
  readonly endpoint: TransportEndpoint
  /** The socket URL, redacted. */
  readonly url: string
}

/** A frame received from Kraken, exactly as its text arrived. */
export type TapeReceivedEvent = TapeEventBase & {
  /** Discriminant. */
  readonly kind: 'in'
  /** The frame's exact text. */
  readonly text: string
}

/** A frame sent to Kraken, with any `token` value redacted. */
export type TapeSentEvent = TapeEventBase & {
  /** Discriminant. */
  readonly kind: 'out'
  /** The frame's text, tokens redacted. */
  readonly text: string
  /** True when a token (or an unparsable frame) was redacted. */
  readonly redacted: boolean
}

/** A socket went away. */
export type TapeCloseEvent = TapeEventBase & {
  /** Discriminant. */
  readonly kind: 'close'
  /** Why: `client`, `server <code> <reason>`, `stale`, `disconnect`, ... */
  readonly reason: string
}

/** One event of a tape, in the order it happened. */
export type TapeEvent =
  | TapeOpenEvent
  | TapeReceivedEvent
  | TapeSentEvent
  | TapeCloseEvent

/** Optional stamps of a {@link TapeWriteEvent}. */
export type TapeWriteStamp = {
  /** @default now, from the writer's clock */
  readonly time?: string | undefined
  /** @default now, from the writer's clock */
  readonly mono?: number | undefined
}

/**
 * What a writer takes: an event whose `time` and `mono` may be left out (the
 * writer stamps them from its clock). Sent frames are redacted by the writer.
 */
export type TapeWriteEvent =
  | (Omit<TapeOpenEvent, 'time' | 'mono'> & TapeWriteStamp)
  | (Omit<TapeReceivedEvent, 'time' | 'mono'> & TapeWriteStamp)
  | (Omit<TapeSentEvent, 'time' | 'mono' | 'redacted'> & TapeWriteStamp)
  | (Omit<TapeCloseEvent, 'time' | 'mono'> & TapeWriteStamp)
