/** The kinds of event the desk streams. */
export type DeskEventKind =
  | 'ticker'
  | 'trade'
  | 'book_top'
  | 'execution'
  | 'alert'
  | 'connection'

/** One streamed event; `id` grows by one per event, from 1. */
export interface DeskEvent {
  readonly id: number
  readonly kind: DeskEventKind
  readonly data: unknown
}

/** What a reader resuming after `lastId` gets. */
export type ReplayResult =
  | { readonly ok: true; readonly events: readonly DeskEvent[] }
  /** Events after `lastId` were already dropped: the reader missed some. */
  | {
      readonly ok: false
      readonly oldest: number
      readonly events: readonly DeskEvent[]
    }

/** A bounded, in-order event log with live listeners, for Server-Sent Events. */
export interface EventLog {
  /** Appends an event and hands it to every listener. */
  push(kind: DeskEventKind, data: unknown): DeskEvent
  /** Events after `lastId`, or a gap when the buffer no longer holds them all. */
  since(lastId: number): ReplayResult
  /** Calls `listener` with each new event; returns the remover. */
  listen(listener: (event: DeskEvent) => void): () => void
  /** The newest id (0 before the first event). */
  readonly lastId: number
  /** The oldest id still held (`lastId + 1` while empty): a reader at `id` resumes without a gap when `id + 1 >= oldestId`. */
  readonly oldestId: number
}

/**
 * Creates a log that keeps the last `capacity` events in a ring, so that
 * memory stays bounded however far a reader falls behind.
 */
export function createEventLog(capacity = 1_000): EventLog {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
  }
  const ring: (DeskEvent | undefined)[] = new Array(capacity)
  const listeners = new Set<(event: DeskEvent) => void>()
  let lastId = 0

  return {
    get lastId() {
      return lastId
    },
    get oldestId() {
      return Math.max(1, lastId - capacity + 1)
    },
    push(kind, data) {
      lastId += 1
      const event: DeskEvent = { id: lastId, kind, data }
      ring[lastId % capacity] = event
      for (const listener of listeners) listener(event)
      return event
    },
    since(after) {
      const oldest = Math.max(1, lastId - capacity + 1)
      const from = Math.max(after + 1, oldest)
      const events: DeskEvent[] = []
      for (let id = from; id <= lastId; id += 1) {
        const event = ring[id % capacity]
        if (event !== undefined) events.push(event)
      }
      // `after` itself was seen; a gap is when `after + 1` was already dropped.
      return after + 1 < oldest && after < lastId
        ? { ok: false, oldest, events }
        : { ok: true, events }
    },
    listen(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
