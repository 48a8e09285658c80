import {
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream'
import { readWireHeaders } from '../wire/headers.js'

/** What a feed needs from its transport. */
export interface FeedContext {
  readonly js: JetStreamClient
  readonly jsm: JetStreamManager
  readonly stream: string
  /** Hands a Kraken frame (text) to the runtime. */
  readonly emit: (text: string) => void
  /** Reports lag: the feed skipped ahead and resynced from the kept snapshot. */
  readonly onResync: (subject: string, reason: string) => void
}

/** One subscription's flow from the stream into the runtime. */
export interface Feed {
  readonly subject: string
  stop(): Promise<void>
}

/** How often, and how long, a book feed waits for a kept snapshot to appear. */
const SNAPSHOT_POLL_MS = 25
const SNAPSHOT_WAIT_MS = 5_000

/**
 * A book feed: the kept snapshot first, then the stream from the message
 * after it, in order. Messages of older epochs and repeats are skipped; a
 * `reset` opens a new epoch (its snapshot follows on the stream); a gap in
 * `KS-Seq` restarts the feed from the kept snapshot, so the runtime's book
 * never applies a series with a hole in it.
 */
export function startBookFeed(
  context: FeedContext,
  subject: string,
  snapshotSubject: string,
): Feed {
  let consumer: ConsumerMessages | undefined
  let stopped = false
  let epoch = 0
  let seq = 0

  async function keptSnapshot() {
    const deadline = Date.now() + SNAPSHOT_WAIT_MS
    for (;;) {
      const kept = await context.jsm.streams
        .getMessage(context.stream, { last_by_subj: snapshotSubject })
        .catch(() => null)
      if (kept !== null || Date.now() > deadline || stopped) return kept
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_POLL_MS))
    }
  }

  async function run(): Promise<void> {
    const kept = await keptSnapshot()
    if (stopped) return
    let start = { deliver_policy: DeliverPolicy.New } as {
      deliver_policy: DeliverPolicy
      opt_start_seq?: number
    }
    const headers = kept === null ? undefined : readWireHeaders(kept.header)
    if (kept !== null && headers !== undefined) {
      epoch = headers.epoch
      seq = headers.seq
      context.emit(kept.string())
      start = {
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: kept.seq + 1,
      }
    }
    const ordered = await context.js.consumers.get(context.stream, {
      filter_subjects: subject,
      ...start,
    })
    const messages = await ordered.consume()
    consumer = messages
    if (stopped) {
      await messages.close()
      return
    }
    for await (const message of messages) {
      const wire = readWireHeaders(message.headers)
      if (wire === undefined) continue
      if (wire.kind === 'reset') {
        if (wire.epoch > epoch) {
          epoch = wire.epoch
          seq = 0
        }
        continue
      }
      if (wire.epoch !== epoch || wire.seq <= seq) continue
      if (wire.seq !== seq + 1) {
        context.onResync(subject, `sequence gap: ${seq} → ${wire.seq}`)
        await messages.close()
        if (!stopped) void restart()
        return
      }
      seq = wire.seq
      context.emit(message.string())
    }
  }

  function restart() {
    return run().catch((error: Error) =>
      context.onResync(subject, `feed failed: ${error.message}`),
    )
  }

  void restart()
  return {
    subject,
    async stop() {
      stopped = true
      await consumer?.close()
    },
  }
}

/**
 * A feed for channels without a book (ticker, trade, ohlc, instrument):
 * the latest message on the subject, then every new one, `reset`s skipped.
 */
export function startPlainFeed(context: FeedContext, subject: string): Feed {
  let consumer: ConsumerMessages | undefined
  let stopped = false
  const run = async () => {
    const ordered = await context.js.consumers.get(context.stream, {
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.Last,
    })
    const messages = await ordered.consume()
    consumer = messages
    if (stopped) await messages.close()
    for await (const message of messages) {
      const wire = readWireHeaders(message.headers)
      if (wire === undefined || wire.kind === 'reset') continue
      context.emit(message.string())
    }
  }
  run().catch((error: Error) =>
    context.onResync(subject, `feed failed: ${error.message}`),
  )
  return {
    subject,
    async stop() {
      stopped = true
      await consumer?.close()
    },
  }
}
