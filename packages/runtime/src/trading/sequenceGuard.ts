import type { SequenceGap } from '../shared/gap.js'
import type { Logger } from '../shared/logger.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import {
  createPrivateSequence,
  type SequencedChannel,
} from './privateSequence.js'
import { SnapshotWatch } from './snapshotWatch.js'

/** The part of a private channel's message that sequencing reads. */
export type SequencedValue = { type: 'snapshot' | 'update'; sequence?: number }

/** Options of {@link SequenceGuard}. */
export interface SequenceGuardConfig {
  readonly subscriptions: SubscriptionManager
  readonly logger: Logger
  readonly onGap: (gap: SequenceGap) => void
  /** Ms an awaited `executions` snapshot may take before it is asked for again. */
  readonly timeout: number
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
  /** The order state is the `executions` snapshot's: one must follow every doubt. */
  #executions: SnapshotWatch

  constructor(config: SequenceGuardConfig) {
    this.#config = config
    this.#executions = new SnapshotWatch({
      every: config.timeout,
      resubscribe: () => this.#resubscribeSubscribed('executions'),
    })
  }

  /**
   * The `executions` state may have diverged (a trading answer was lost, so
   * may its frames be): unless a snapshot arrives soon, ask for one.
   */
  doubtExecutions(): void {
    this.#executions.want()
  }

  /** A message of `channel` arrived. */
  check(channel: SequencedChannel, value: SequencedValue): void {
    if (channel === 'executions' && value.type === 'snapshot')
      this.#executions.got()
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
    // The replay's snapshot normally follows at once; if it was lost (with
    // its ack, say), the watch asks again.
    this.#executions.want()
  }

  /** The client stopped. */
  stop(): void {
    this.#executions.stop()
    this.#sequence.reset()
    this.#resubscribing.clear()
  }

  /**
   * Resubscribes `channel` when it is live; `false` when it is not
   * subscribed at all (a pending intent is resent by its own retry).
   */
  async #resubscribeSubscribed(channel: SequencedChannel): Promise<boolean> {
    const intents = this.#config.subscriptions
      .list()
      .filter((intent) => intent.channel === channel)
    if (!intents.some((intent) => intent.state !== 'rejected')) return false
    if (!this.#config.subscriptions.isOpen('private')) return true
    this.#config.logger.log(
      `No ${channel} snapshot since the state came into doubt: resubscribing.`,
      'warning',
    )
    await this.#resubscribe(channel)
    return true
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
