import type { SequenceGap } from '../shared/gap.js'
import type { Logger } from '../shared/logger.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import {
  createPrivateSequence,
  type SequencedChannel,
} from './privateSequence.js'

/** The part of a private channel's message that sequencing reads. */
export type SequencedValue = { type: 'snapshot' | 'update'; sequence?: number }

/** Options of {@link SequenceGuard}. */
export interface SequenceGuardConfig {
  readonly subscriptions: SubscriptionManager
  readonly logger: Logger
  readonly onGap: (gap: SequenceGap) => void
}

/**
 * Checks the `sequence` of the private channels (`executions`, `balances`):
 * a gap is logged and reported, and the channel is resubscribed so that its
 * snapshot restores the state.
 */
export class SequenceGuard {
  #config: SequenceGuardConfig
  #sequence = createPrivateSequence()
  #resubscribing = new Set<SequencedChannel>()

  constructor(config: SequenceGuardConfig) {
    this.#config = config
  }

  /** A message of `channel` arrived. */
  check(channel: SequencedChannel, value: SequencedValue): void {
    const check = this.#sequence.check(channel, value)
    if (check.ok || check.kind !== 'gap') return
    this.#config.logger.log(
      `Sequence gap on ${channel}: resubscribing.`,
      'warning',
      { expected: check.expected, received: check.received },
    )
    this.#config.onGap({
      source: 'sequence',
      endpoint: 'private',
      channel,
      expected: check.expected,
      received: check.received,
      missed: check.missed,
    })
    void this.#resubscribe(channel)
  }

  /** The private socket (re)opened: sequences restart with the connection. */
  reset(): void {
    this.#sequence.reset()
  }

  /** The client stopped. */
  stop(): void {
    this.#sequence.reset()
    this.#resubscribing.clear()
  }

  /** Unsubscribes and subscribes `channel` again: its snapshot restores the state. */
  async #resubscribe(channel: SequencedChannel): Promise<void> {
    if (this.#resubscribing.has(channel)) return
    const { subscriptions, logger } = this.#config
    const params = subscriptions
      .liveRequests('private')
      .find((live) => live.channel === channel)
    if (params === undefined) return
    this.#resubscribing.add(channel)
    try {
      await subscriptions.exchange('private', 'unsubscribe', {
        channel: params.channel,
      })
      await subscriptions.exchange('private', 'subscribe', params)
    } catch (error) {
      // The socket went away: its replay after the reconnect resubscribes.
      logger.log(`The ${channel} resubscription failed.`, 'warning', {
        error: error instanceof Error ? error.message : String(error),
      })
    } finally {
      this.#resubscribing.delete(channel)
    }
  }
}
