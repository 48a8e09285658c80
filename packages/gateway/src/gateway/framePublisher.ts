import type { MessageKind } from '../wire/headers.js'
import { splitFrame } from '../wire/splitFrame.js'
import {
  dataSubject,
  snapshotSubject,
  subjectChannel,
} from '../wire/subjects.js'
import { BookMirror } from './bookMirror.js'
import { Series } from './series.js'

/** One message to put on NATS. `rollup` marks the kept snapshot (replaces the subject's last). */
export interface OutgoingMessage {
  readonly subject: string
  readonly body: string
  readonly kind: MessageKind
  readonly epoch: number
  readonly seq: number
  readonly rollup: boolean
}

/** Where the publisher puts messages; a returned promise settles once stored. */
export type MessageSink = (
  message: OutgoingMessage,
) => Promise<unknown> | undefined

/** Counters of a {@link FramePublisher}. */
export interface PublisherStats {
  /** Kraken frames seen. */
  frames: number
  /** Messages handed to NATS (resets and kept snapshots included). */
  published: number
  /** `reset` messages (new epochs). */
  resets: number
  /** Kept snapshots written. */
  keptSnapshots: number
  /** Book bodies that failed their checksum (each restarts the series). */
  mismatches: number
  /** Book updates dropped while no verified snapshot was held. */
  unsynced: number
  /** Frames that were not JSON channel frames. */
  malformed: number
}

/** Options of {@link FramePublisher}. */
export interface FramePublisherOptions {
  readonly prefix: string
  readonly sink: MessageSink
  /** The depth Kraken sends a symbol's book at. */
  readonly depthOf: (symbol: string) => number
  readonly nextEpoch: () => number
  /** Book updates between kept snapshots. */
  readonly snapshotEvery: number
  /** Most ms between kept snapshots while updates flow. */
  readonly snapshotInterval: number
  readonly now?: () => number
}

interface BookSlot {
  mirror: BookMirror
  sinceKept: number
  keptAt: number
  kept: Promise<unknown> | undefined
}

/**
 * Turns the Kraken frames one socket received into the wire contract:
 * one subject per channel and symbol, Kraken's exact bodies, `KS-*`
 * headers, a new epoch (opened by a `reset`) at every snapshot, book
 * checksum failure or NATS outage, and a kept book snapshot per symbol.
 * Never throws and never waits: it runs inside the Kraken reader.
 */
export class FramePublisher {
  readonly stats: PublisherStats = {
    frames: 0,
    published: 0,
    resets: 0,
    keptSnapshots: 0,
    mismatches: 0,
    unsynced: 0,
    malformed: 0,
  }
  readonly #options: FramePublisherOptions
  readonly #series = new Map<string, Series>()
  readonly #books = new Map<string, BookSlot>()
  readonly #now: () => number

  constructor(options: FramePublisherOptions) {
    this.#options = options
    this.#now = options.now ?? Date.now
  }

  /** Publishes one received Kraken frame (raw text). */
  onFrame(text: string): void {
    this.stats.frames++
    const parts = splitFrame(text)
    if (parts === undefined) {
      this.stats.malformed++
      return
    }
    for (const part of parts) {
      if (part.channel === 'book' && part.symbol !== undefined)
        this.#book(part.symbol, part.type, part.body)
      else
        this.#plain(
          dataSubject(
            this.#options.prefix,
            subjectChannel(part.channel, part.interval),
            part.symbol,
          ),
          part.type === 'snapshot' ? 'snapshot' : 'update',
          part.body,
        )
    }
  }

  /**
   * Messages may have been lost (NATS was away): every series starts a new
   * epoch; each verified book is republished as a snapshot at once.
   */
  restartAll(): void {
    for (const series of this.#series.values()) series.broken = true
    for (const [symbol, slot] of this.#books) {
      const frame = slot.mirror.snapshotFrame()
      if (frame === undefined) continue
      const subject = dataSubject(this.#options.prefix, 'book', symbol)
      const series = this.#seriesOf(subject)
      this.#reset(subject, series)
      this.#send(subject, series, 'snapshot', frame)
      this.#keep(symbol, slot)
    }
  }

  /** Settles once the latest kept snapshot of `symbol` is stored. */
  async keptSnapshot(symbol: string): Promise<void> {
    await this.#books.get(symbol)?.kept?.catch(() => undefined)
  }

  /** Series positions, for stats: subject → { epoch, seq }. */
  positions(): Record<string, { epoch: number; seq: number }> {
    const out: Record<string, { epoch: number; seq: number }> = {}
    for (const [subject, series] of this.#series)
      out[subject] = { epoch: series.epoch, seq: series.seq }
    return out
  }

  #book(symbol: string, type: string, body: string): void {
    const subject = dataSubject(this.#options.prefix, 'book', symbol)
    const series = this.#seriesOf(subject)
    let slot = this.#books.get(symbol)
    if (type === 'snapshot') {
      const mirror = new BookMirror(symbol, this.#options.depthOf(symbol))
      slot = { mirror, sinceKept: 0, keptAt: 0, kept: slot?.kept }
      this.#books.set(symbol, slot)
      if (mirror.apply(body) !== 'verified') {
        this.stats.mismatches++
        this.#breakBook(subject, series)
        return
      }
      // A reset already opened an empty epoch (after a checksum failure): use it.
      if (series.epoch === 0 || series.seq > 0 || series.broken)
        this.#reset(subject, series)
      this.#send(subject, series, 'snapshot', body)
      this.#keep(symbol, slot)
      return
    }
    if (slot === undefined || !slot.mirror.synced) {
      this.stats.unsynced++
      return
    }
    const result = slot.mirror.apply(body)
    if (result !== 'verified') {
      this.stats.mismatches++
      this.#breakBook(subject, series)
      return
    }
    if (series.broken) {
      // A NATS outage cut this series: restart it from the verified book.
      this.#reset(subject, series)
      this.#send(
        subject,
        series,
        'snapshot',
        slot.mirror.snapshotFrame() ?? body,
      )
      this.#keep(symbol, slot)
      return
    }
    this.#send(subject, series, 'update', body)
    slot.sinceKept++
    if (
      slot.sinceKept >= this.#options.snapshotEvery ||
      this.#now() - slot.keptAt >= this.#options.snapshotInterval
    )
      this.#keep(symbol, slot)
  }

  /** A checksum failed: consumers must drop this epoch; the runtime resyncs. */
  #breakBook(subject: string, series: Series): void {
    if (series.epoch !== 0 && !(series.seq === 0 && !series.broken))
      this.#reset(subject, series)
  }

  #plain(subject: string, kind: 'snapshot' | 'update', body: string): void {
    const series = this.#seriesOf(subject)
    if (
      series.broken ||
      series.epoch === 0 ||
      (kind === 'snapshot' && series.seq > 0)
    )
      this.#reset(subject, series)
    this.#send(subject, series, kind, body)
  }

  #keep(symbol: string, slot: BookSlot): void {
    const body = slot.mirror.snapshotFrame()
    if (body === undefined) return
    const subject = dataSubject(this.#options.prefix, 'book', symbol)
    const series = this.#seriesOf(subject)
    slot.sinceKept = 0
    slot.keptAt = this.#now()
    this.stats.keptSnapshots++
    slot.kept = this.#emit({
      subject: snapshotSubject(this.#options.prefix, 'book', symbol),
      body,
      kind: 'snapshot',
      epoch: series.epoch,
      seq: series.seq,
      rollup: true,
    })
  }

  #reset(subject: string, series: Series): void {
    const { epoch, seq } = series.next('reset', this.#options.nextEpoch)
    this.stats.resets++
    this.#emit({ subject, body: '', kind: 'reset', epoch, seq, rollup: false })
  }

  #send(
    subject: string,
    series: Series,
    kind: 'snapshot' | 'update',
    body: string,
  ): void {
    const { epoch, seq } = series.next(kind, this.#options.nextEpoch)
    this.#emit({ subject, body, kind, epoch, seq, rollup: false })
  }

  #emit(message: OutgoingMessage): Promise<unknown> | undefined {
    this.stats.published++
    return this.#options.sink(message)
  }

  #seriesOf(subject: string): Series {
    let series = this.#series.get(subject)
    if (series === undefined) {
      series = new Series()
      this.#series.set(subject, series)
    }
    return series
  }
}
