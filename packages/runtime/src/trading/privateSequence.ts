import {
  createSequenceTracker,
  type SequenceCheck,
  type SequencedMessage,
  type SequenceTracker,
} from './sequenceTracker.js'

/** The private channels that carry `sequence`. */
export type SequencedChannel = 'executions' | 'balances'

/** Checks the `sequence` of the private socket's messages. */
export type PrivateSequence = {
  /** Checks one message; `ok: false` only when no reading of the rule explains it. */
  check(channel: SequencedChannel, message: SequencedMessage): SequenceCheck
  /** Forgets every expectation: call it when the private socket (re)opens. */
  reset(): void
}

/**
 * Creates the sequence check of one private socket.
 *
 * The rule. Kraken's samples (balances 1, 2, then 9 while executions frames
 * went by) and the simulator count **one sequence per connection**, shared by
 * `executions` and `balances`, from 1, one per frame. Kraken does not
 * document it, so a message is in order when it follows either the previous
 * private message of the connection or the previous message of its own
 * channel: no false gap if Kraken counts per channel, and under the shared
 * counter every lost frame is still caught (the next frame of any channel
 * cannot follow the lost one). A snapshot (each (re)subscription sends one)
 * sets the baseline; a new connection starts afresh (`reset()`).
 *
 * @example
 * ```ts
 * const sequence = createPrivateSequence()
 * const check = sequence.check('executions', message)
 * if (!check.ok && check.kind === 'gap') resubscribe('executions')
 * ```
 */
export function createPrivateSequence(): PrivateSequence {
  let shared = createSequenceTracker()
  const perChannel = new Map<SequencedChannel, SequenceTracker>()
  return {
    check(channel, message) {
      let own = perChannel.get(channel)
      if (own === undefined) {
        own = createSequenceTracker()
        perChannel.set(channel, own)
      }
      const byConnection = shared.check(message)
      const byChannel = own.check(message)
      if (byConnection.ok || byChannel.ok) return { ok: true }
      return byConnection
    },
    reset() {
      shared = createSequenceTracker()
      perChannel.clear()
    },
  }
}
