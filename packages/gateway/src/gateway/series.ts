import type { MessageKind } from '../wire/headers.js'

/** Where one subject's series stands: its epoch and the last sequence number used. */
export class Series {
  epoch = 0
  seq = 0
  /** Set when messages may have been lost: the next message starts a new epoch. */
  broken = false

  /**
   * The headers' values for the next message. A `reset` takes a new epoch
   * (from `nextEpoch`) and sequence 0; the series then counts from 1.
   */
  next(
    kind: MessageKind,
    nextEpoch: () => number,
  ): { epoch: number; seq: number } {
    if (kind === 'reset') {
      this.epoch = nextEpoch()
      this.seq = 0
      this.broken = false
      return { epoch: this.epoch, seq: 0 }
    }
    this.seq++
    return { epoch: this.epoch, seq: this.seq }
  }
}
