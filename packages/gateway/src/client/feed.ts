import {
  type Consumer,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream'
import { readWireHeaders } from '../wire/headers.js'
import { BookCursor } from './bookCursor.js'

/** What a feed needs from its transport. */
export interface FeedContext {
  readonly js: JetStreamClient
  readonly jsm: JetStreamManager
  readonly stream: string
  /** Hands a Kraken frame (text) to the runtime. */
  readonly emit: (text: string) => void
  /** Reports lag: the feed skipped ahead and resynced from the kept snapshot. */
  readonly onResync: (subject: string, reason: string) => void
  /** Reports a feed falling behind the stream, and catching up. */
  readonly onLag: (event: LagEvent) => void
  /** How far (ms) behind the stream a feed counts as behind. */
  readonly lagThreshold: number
}

/**
 * A feed fell behind the stream (its reader was slow or stopped), or caught
 * up again: lag is an event, never silence. Nothing is lost while behind;
 * the stream keeps what the feed has not read yet.
 */
export interface LagEvent {
  /** The data subject, e.g. `kraken.spot.book.BTC_USD`. */
  readonly subject: string
  /**
   * `behind` when the message read was stored at least the threshold ago;
   * `caught-up` when a fresh message was read with none left unread.
   */
  readonly state: 'behind' | 'caught-up'
  /** Age (ms) of the message read, by the stream's store time. */
  readonly lagMs: number
  /** Messages on the stream the feed had not been sent yet. */
  readonly pending: number
}

/**
 * Tracks one feed's lag from each message's store time (the server's clock;
 * a client whose clock is off by more than the threshold sees it as lag).
 * Time, not a count of unread messages: the client prefetches a batch, so
 * the server's `pending` understates a stalled reader.
 */
function lagTracker(context: FeedContext, subject: string) {
  let behind = false
  return (message: {
    info: { timestampNanos: number | bigint; pending: number }
  }) => {
    const lagMs = Math.round(
      Date.now() - Number(message.info.timestampNanos) / 1_000_000,
    )
    const { pending } = message.info
    if (!behind && lagMs >= context.lagThreshold) {
      behind = true
      context.onLag({ subject, state: 'behind', lagMs, pending })
    } else if (behind && pending === 0 && lagMs < context.lagThreshold) {
      behind = false
      context.onLag({ subject, state: 'caught-up', lagMs, pending })
    }
  }
}

/** One subscription's flow from the stream into the runtime. */
export interface Feed {
  readonly subject: string
  stop(): Promise<void>
}

/** How often, and how long, a book feed waits for a kept snapshot to appear. */
const SNAPSHOT_POLL_MS = 25
const SNAPSHOT_WAIT_MS = 5_000
/** Pause before a feed whose consumer ended or failed starts again. */
const RESTART_PAUSE_MS = 500

const pause = () =>
  new Promise((resolve) => setTimeout(resolve, RESTART_PAUSE_MS))

/** Pull expiry of a feed's consumer (ms): heartbeats come every half of it. */
const PULL_EXPIRES_MS = 5_000

/**
 * Consumes an ordered consumer and watches its heartbeats: when the server
 * holding it died (a cluster node, a leader change) the client may wait
 * for it indefinitely, so after two missed heartbeats the feed reports the
 * lag and closes the messages; its loop then starts again from the kept
 * snapshot.
 */
async function consumeWatched(
  ordered: Consumer,
  context: FeedContext,
  subject: string,
): Promise<ConsumerMessages> {
  const messages = await ordered.consume({ expires: PULL_EXPIRES_MS })
  void (async () => {
    for await (const status of messages.status())
      if (status.type === 'heartbeats_missed' && status.count >= 2) {
        context.onResync(subject, `${status.count} heartbeats missed`)
        await messages.close()
        return
      }
  })().catch(() => undefined)
  return messages
}

/**
 * A book feed: the kept snapshot first, then the stream from the message
 * after it, in order ({@link BookCursor}). Messages of older epochs and
 * repeats are skipped; a `reset` opens a new epoch (its snapshot follows on
 * the stream); a gap in `KS-Seq`, or an update of an epoch whose start the
 * feed missed, restarts the feed from the kept snapshot, so the runtime's
 * book never applies a series with a hole in it.
 */
export function startBookFeed(
  context: FeedContext,
  subject: string,
  snapshotSubject: string,
): Feed {
  let consumer: ConsumerMessages | undefined
  let stopped = false
  let cursor = new BookCursor(0, 0)
  const lag = lagTracker(context, subject)

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
    const headers = kept === null ? undefined : readWireHeaders(kept.header)
    // Without the kept snapshot (not stored yet, or unreadable while the
    // stream elects a leader) the feed would skip every update of the
    // current epoch in silence: try again, reported.
    if (kept === null || headers === undefined)
      throw new Error('no kept snapshot to start from')
    cursor = new BookCursor(headers.epoch, headers.seq)
    context.emit(kept.string())
    const start = {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: kept.seq + 1,
    }
    const ordered = await context.js.consumers.get(context.stream, {
      filter_subjects: subject,
      ...start,
    })
    const messages = await consumeWatched(ordered, context, subject)
    consumer = messages
    if (stopped) {
      await messages.close()
      return
    }
    let resync: string | undefined
    for await (const message of messages) {
      lag(message)
      const wire = readWireHeaders(message.headers)
      if (wire === undefined) continue
      const step = cursor.step(wire)
      if (step.action === 'emit') context.emit(message.string())
      else if (step.action === 'resync') {
        resync = step.reason
        break
      }
    }
    if (resync !== undefined) {
      // Not awaited: closing the messages from inside their own loop never
      // settles (the close waits for the loop), and the feed stalled there.
      void messages.close().catch(() => undefined)
      context.onResync(subject, resync)
      if (!stopped) void restart()
      return
    }
    // The consumer ended on its own (its server died, a reset failed):
    // never silence, start again from the kept snapshot.
    if (!stopped) {
      context.onResync(subject, 'the stream consumer ended')
      await pause()
      if (!stopped) void restart()
    }
  }

  function restart(): Promise<void> {
    return run().catch(async (error: Error) => {
      if (stopped) return
      context.onResync(subject, `feed failed: ${error.message}`)
      await pause()
      if (!stopped) void restart()
    })
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
  const lag = lagTracker(context, subject)
  const run = async (): Promise<void> => {
    const ordered = await context.js.consumers.get(context.stream, {
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.Last,
    })
    const messages = await consumeWatched(ordered, context, subject)
    consumer = messages
    if (stopped) await messages.close()
    for await (const message of messages) {
      lag(message)
      const wire = readWireHeaders(message.headers)
      if (wire === undefined || wire.kind === 'reset') continue
      context.emit(message.string())
    }
    if (!stopped) {
      context.onResync(subject, 'the stream consumer ended')
      await pause()
      if (!stopped) void restart()
    }
  }
  const restart = (): Promise<void> =>
    run().catch(async (error: Error) => {
      if (stopped) return
      context.onResync(subject, `feed failed: ${error.message}`)
      await pause()
      if (!stopped) void restart()
    })
  void restart()
  return {
    subject,
    async stop() {
      stopped = true
      await consumer?.close()
    },
  }
}
