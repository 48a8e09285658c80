import {
  type Book,
  type BookValueInput,
  createBook,
} from '@kraken-sockets/book'
import { decodeMessage } from '@kraken-sockets/schema'

/** What an independent consumer saw on one book subject. */
export interface PlainBookCheck {
  /** Updates whose checksum verified against the book built from bodies alone. */
  verified: number
  /** Bodies whose checksum did not verify (must stay 0). */
  failed: number
  /** Sequence numbers that skipped ahead within an epoch (the book waits for the next snapshot). */
  gaps: number
  /** Epochs seen, in order. */
  epochs: number[]
  /** The book, as rebuilt. */
  book: Book | undefined
}

/**
 * An independent consumer's view of one book subject: it reads only the
 * message bodies and the `KS-*` headers, rebuilds the book with
 * `@kraken-sockets/book`, and checks every checksum.
 */
export function createPlainBookCheck(symbol: string, depth: number) {
  const check: PlainBookCheck = {
    verified: 0,
    failed: 0,
    gaps: 0,
    epochs: [],
    book: undefined,
  }
  let epoch = 0
  let seq = 0
  return {
    check,
    /** Feeds one message (headers read by name, body as text). */
    add(kind: string, msgEpoch: number, msgSeq: number, body: string): void {
      if (kind === 'reset') {
        epoch = msgEpoch
        seq = 0
        check.book = undefined
        check.epochs.push(msgEpoch)
        return
      }
      if (msgEpoch !== epoch) return
      if (msgSeq <= seq) return
      if (msgSeq !== seq + 1 && kind !== 'snapshot') {
        // Messages are missing (this subscriber was away): as any consumer
        // must, drop the book until the next snapshot.
        check.gaps++
        check.book = undefined
      }
      seq = msgSeq
      const decoded = decodeMessage(body)
      if (!decoded.ok) {
        check.failed++
        return
      }
      for (const { value } of decoded.responses) {
        const item = value as unknown as BookValueInput
        if (item.symbol !== symbol) check.failed++
        if (kind === 'snapshot') check.book = createBook({ symbol, depth })
        if (check.book === undefined) continue
        if (check.book.apply(item).ok) check.verified++
        else check.failed++
      }
    },
  }
}
