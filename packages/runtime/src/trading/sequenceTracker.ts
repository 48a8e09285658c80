/** A channel message's envelope fields the sequence check reads. */
export type SequencedMessage = {
  type: 'snapshot' | 'update'
  sequence?: number | undefined
}

/** What {@link SequenceTracker.check} found. */
export type SequenceCheck =
  | { ok: true }
  /** Messages were skipped: `missed` of them, from `expected` up to `received - 1`. */
  | {
      ok: false
      kind: 'gap'
      expected: number
      received: number
      missed: number
    }
  /** A sequence at or below one already seen: a duplicate or a reordered message. */
  | { ok: false; kind: 'stale'; expected: number; received: number }

/** Checks the `sequence` of one private channel (`executions` or `balances`). */
export type SequenceTracker = {
  /** The next sequence expected, once one has been seen. */
  readonly expected: number | undefined
  /** Checks a message and moves the expectation past it. */
  check(message: SequencedMessage): SequenceCheck
  /** Forgets the expectation: call it on each (re)subscription. */
  reset(): void
}

/**
 * Creates a sequence checker for one subscription of a private channel.
 *
 * Rule: a snapshot (re)starts the count, so the message after a snapshot of
 * sequence `n` must be `n + 1`; each update must be the previous plus one. A
 * resubscription (after a reconnect) gets a new snapshot, which restarts the
 * count: call `reset()` when resubscribing so that the first message after it,
 * snapshot or not (`snapshot: false`), sets the baseline. A gap is reported
 * once and the count continues from the message received; a message without
 * `sequence` is not checked.
 *
 * @example
 * ```ts
 * const executions = createSequenceTracker()
 * const check = executions.check(message)
 * if (!check.ok) kraken.log(`executions sequence ${check.kind}: expected ${check.expected}, got ${check.received}`, 'warning')
 * ```
 */
export function createSequenceTracker(): SequenceTracker {
  let expected: number | undefined
  return {
    get expected() {
      return expected
    },
    check(message) {
      const received = message.sequence
      if (received === undefined) return { ok: true }
      if (message.type === 'snapshot' || expected === undefined) {
        expected = received + 1
        return { ok: true }
      }
      const want = expected
      if (received === want) {
        expected = received + 1
        return { ok: true }
      }
      if (received < want)
        return { ok: false, kind: 'stale', expected: want, received }
      expected = received + 1
      return {
        ok: false,
        kind: 'gap',
        expected: want,
        received,
        missed: received - want,
      }
    },
    reset() {
      expected = undefined
    },
  }
}
