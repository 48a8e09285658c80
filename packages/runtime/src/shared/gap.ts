/**
 * Values were dropped because a consumer fell behind: its bounded queue was
 * full, so the oldest queued values gave way to newer ones. Emitted as the
 * runtime's `gap` event before the consumer receives the first value that
 * follows the gap (or when it is removed), never silently.
 */
export interface DroppedValuesGap {
  /** What fell behind: a trigger handler or a stream. */
  readonly source: 'handler' | 'stream'
  /** Name of the key it listens to, e.g. `BookUpdateResponse`. */
  readonly key: string
  /** The handler, for `source: 'handler'`. */
  readonly handler: ((...args: never[]) => unknown) | undefined
  /** How many values were dropped in this gap. */
  readonly dropped: number
}

/**
 * A socket was replaced: these subscriptions may have missed data between
 * the drop and their replay (their next snapshot, where Kraken sends one,
 * restores the state). Emitted as the runtime's `gap` event once per
 * reconnect, before the subscriptions are replayed.
 */
export interface ReconnectGap {
  /** Always `reconnect`. */
  readonly source: 'reconnect'
  /** The socket that reconnected. */
  readonly endpoint: 'public' | 'private' | 'level3'
  /** Each channel and symbol that may have missed data (`symbol` undefined for channels without one). */
  readonly subscriptions: readonly {
    readonly channel: string
    readonly symbol: string | undefined
  }[]
  /** The distinct channels among `subscriptions`. */
  readonly channels: readonly string[]
  /** The distinct symbols among `subscriptions`. */
  readonly symbols: readonly string[]
}

/**
 * Messages of a private channel were skipped: a `sequence` did not follow
 * the previous one (see `createPrivateSequence` for the rule). The runtime
 * resubscribes the channel; its fresh snapshot restores the state (open
 * orders are reconciled from it).
 */
export interface SequenceGap {
  /** Always `sequence`. */
  readonly source: 'sequence'
  /** Always `private`. */
  readonly endpoint: 'private'
  /** The channel whose message revealed the gap. */
  readonly channel: 'executions' | 'balances'
  /** The sequence expected. */
  readonly expected: number
  /** The sequence received. */
  readonly received: number
  /** How many messages were skipped. */
  readonly missed: number
}

/** What the runtime's `gap` event carries, discriminated by `source`. */
export type GapEvent = DroppedValuesGap | ReconnectGap | SequenceGap
