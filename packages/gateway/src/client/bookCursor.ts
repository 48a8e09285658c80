import type { WireHeaders } from '../wire/headers.js'

/** What a book feed does with one message from the stream. */
export type CursorStep =
  | { readonly action: 'skip' }
  | { readonly action: 'emit' }
  | { readonly action: 'resync'; readonly reason: string }

/**
 * Where a book feed stands in the gateway's series (epoch and `KS-Seq`),
 * and what each next message means for it. Every message is either
 * applied, skipped because it is older than the feed, or a reason to start
 * again from the kept snapshot: never skipped because it is newer, so a
 * feed that missed the start of an epoch cannot stall in silence.
 */
export class BookCursor {
  epoch: number
  seq: number

  constructor(epoch: number, seq: number) {
    this.epoch = epoch
    this.seq = seq
  }

  /** Moves the cursor past `wire` and says what to do with its message. */
  step(wire: WireHeaders): CursorStep {
    if (wire.epoch < this.epoch) return { action: 'skip' }
    if (wire.kind === 'reset') {
      if (wire.epoch > this.epoch) {
        this.epoch = wire.epoch
        this.seq = 0
      }
      return { action: 'skip' }
    }
    if (wire.epoch > this.epoch) {
      // The reset opening this epoch was lost (core NATS publishes made
      // while the stream elected a leader are not stored). A snapshot is a
      // whole book: start from it; an update cannot be applied without one.
      if (wire.kind !== 'snapshot')
        return {
          action: 'resync',
          reason: `missed the start of epoch ${wire.epoch} (at ${this.epoch})`,
        }
      this.epoch = wire.epoch
      this.seq = wire.seq
      return { action: 'emit' }
    }
    if (wire.seq <= this.seq) return { action: 'skip' }
    if (wire.seq !== this.seq + 1)
      return {
        action: 'resync',
        reason: `sequence gap: ${this.seq} → ${wire.seq}`,
      }
    this.seq = wire.seq
    return { action: 'emit' }
  }
}
