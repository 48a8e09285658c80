import type { NatsConnection } from '@nats-io/transport-node'
import { headers } from '@nats-io/transport-node'
import { SEQ_HEADER } from '../wire/headers.js'

/** The private channels a gateway relays to the bots behind it. */
export const PRIVATE_CHANNELS: ReadonlySet<string> = new Set([
  'executions',
  'balances',
])

/** Header naming a relayed private frame's channel. */
export const CHANNEL_HEADER = 'KS-Channel'

/** Most frames a relay keeps for late joiners (the oldest go first). */
const MAX_KEPT = 50_000

/** One relayed frame: its place in the relay's series and Kraken's text. */
export interface RelayedFrame {
  readonly seq: number
  readonly channel: string
  readonly text: string
}

/** What a bot joining the relay receives before the live frames. */
export interface PrivateReplay {
  /** The relay's sequence at the time of the replay: live frames after it follow. */
  readonly seq: number
  /** Kraken's frames since the oldest latest snapshot, in the order received. */
  readonly frames: readonly string[]
}

/**
 * Relays the private frames (`executions`, `balances`) of the gateway's own
 * Kraken key, as Kraken sent them, on one core NATS subject per key name:
 * never on the public stream, and never with a token (Kraken's channel
 * frames hold none; subscribe frames are not relayed). Each message has a
 * `KS-Seq` header counting from 1.
 *
 * A late joiner gets a replay: every frame from the oldest of the latest
 * snapshots of the two channels on, both channels interleaved as received.
 * Kraken counts one `sequence` per connection over both channels, so a
 * replay with nothing removed stays in order for the runtime's check.
 */
export class PrivateRelay {
  readonly subject: string
  #seq = 0
  #kept: RelayedFrame[] = []
  readonly #latestSnapshot = new Map<string, number>()
  readonly #nc: NatsConnection

  constructor(nc: NatsConnection, subject: string) {
    this.#nc = nc
    this.subject = subject
  }

  /** Relays one frame of the gateway's private socket; other frames are ignored. */
  onFrame(text: string): void {
    // Cheap test first: most private frames are acks, pongs and heartbeats.
    if (!text.includes('"executions"') && !text.includes('"balances"')) return
    let frame: { channel?: unknown; type?: unknown }
    try {
      frame = JSON.parse(text)
    } catch {
      return
    }
    const channel = frame.channel
    if (typeof channel !== 'string' || !PRIVATE_CHANNELS.has(channel)) return
    if (frame.type !== 'snapshot' && frame.type !== 'update') return
    const seq = ++this.#seq
    if (frame.type === 'snapshot') this.#latestSnapshot.set(channel, seq)
    this.#kept.push({ seq, channel, text })
    this.#trim()
    const h = headers()
    h.set(SEQ_HEADER, String(seq))
    h.set(CHANNEL_HEADER, channel)
    try {
      this.#nc.publish(this.subject, text, { headers: h })
    } catch {
      // NATS closed: a bot resubscribes and gets the replay.
    }
  }

  /** The frames a bot joining now needs, and where the live ones continue. */
  replay(): PrivateReplay {
    return { seq: this.#seq, frames: this.#kept.map((frame) => frame.text) }
  }

  /** Keeps frames from the oldest latest snapshot on, and at most {@link MAX_KEPT}. */
  #trim(): void {
    const from =
      this.#latestSnapshot.size === 0
        ? 0
        : Math.min(...this.#latestSnapshot.values())
    let drop = 0
    while (
      drop < this.#kept.length &&
      ((this.#kept[drop] as RelayedFrame).seq < from ||
        this.#kept.length - drop > MAX_KEPT)
    )
      drop++
    if (drop > 0) this.#kept = this.#kept.slice(drop)
  }
}
