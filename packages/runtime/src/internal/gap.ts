/**
 * Values were dropped because a consumer fell behind: its bounded queue was
 * full, so the oldest queued values gave way to newer ones. Emitted as the
 * runtime's `gap` event before the consumer receives the first value that
 * follows the gap (or when it is removed), never silently.
 */
export interface GapEvent {
  /** What fell behind: a trigger handler or a stream. */
  readonly source: 'handler' | 'stream'
  /** Name of the key it listens to, e.g. `BookUpdateResponse`. */
  readonly key: string
  /** The handler, for `source: 'handler'`. */
  readonly handler: ((...args: never[]) => unknown) | undefined
  /** How many values were dropped in this gap. */
  readonly dropped: number
}
