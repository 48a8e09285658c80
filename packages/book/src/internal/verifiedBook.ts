import type { BookApplyResult } from '../types.js'
import { foldChecksum } from './checksumFold.js'
import { envelopeRejection, readEnvelope } from './envelope.js'
import type { ChecksumPart, Precisions } from './levelEntry.js'
import { checkOptions } from './options.js'
import { APPLY_OK, describeThrown, mismatch, rejected } from './results.js'
import { BULK_ITEMS, type Priced, SortedLevels } from './sortedLevels.js'

/**
 * What the L2 and level3 books share: options, both sides, the in-sync state
 * and the cached checksum, and the flow of one `apply` (read the envelope,
 * apply each side, cut to the depth, verify the checksum). Subclasses say
 * how one side's items change the book.
 */
export abstract class VerifiedBook<TLevel extends Priced & ChecksumPart>
  implements Precisions
{
  readonly symbol: string
  readonly depth: number
  readonly pricePrecision: number | undefined
  readonly qtyPrecision: number | undefined
  readonly #bids = new SortedLevels<TLevel>(true)
  readonly #asks = new SortedLevels<TLevel>(false)
  #inSync = false
  #checksum: number | undefined

  protected constructor(
    options: Parameters<typeof checkOptions>[0],
    depths: readonly number[],
  ) {
    const checked = checkOptions(options, depths)
    this.symbol = checked.symbol
    this.depth = checked.depth
    this.pricePrecision = checked.pricePrecision
    this.qtyPrecision = checked.qtyPrecision
  }

  // Few own fields keep the hot fields of a frozen book in-object.
  /** The `channel` of its values; names them in messages. */
  protected abstract get channel(): 'book' | 'level3'

  get inSync(): boolean {
    return this.#inSync
  }

  /** The bids (`true`) or asks, best first. */
  protected side(isBid: boolean): SortedLevels<TLevel> {
    return isBid ? this.#bids : this.#asks
  }

  /**
   * Applies one side's items in order to `side`; returns a problem, prefixed
   * with the failing item's path (`bids[2].price ...`), or `undefined`.
   */
  protected abstract applySide(
    side: SortedLevels<TLevel>,
    isBid: boolean,
    items: readonly unknown[],
    isSnapshot: boolean,
  ): string | undefined

  /** Called for each level cut off by the depth, if a subclass needs it. */
  protected dropLevel?(level: TLevel): void

  /** Empties both sides (subclasses clear their own indexes too). */
  protected clear(): void {
    this.#bids.clear()
    this.#asks.clear()
  }

  apply(value: unknown): BookApplyResult {
    try {
      return this.#apply(value)
    } catch (error) {
      this.#markOutOfSync()
      return rejected(
        'invalid-input',
        undefined,
        `${this.symbol}: unreadable ${this.channel} value (${describeThrown(error)}); the book is out of sync until the next snapshot.`,
      )
    }
  }

  #apply(input: unknown): BookApplyResult {
    const envelope = readEnvelope(input, this, this.channel)
    if (!('isSnapshot' in envelope)) {
      if (envelope.reason === 'invalid-input') this.#markOutOfSync()
      return envelopeRejection(this.symbol, envelope)
    }
    const { isSnapshot, expected, bids, asks } = envelope
    if (isSnapshot) this.clear()
    this.#checksum = undefined
    // Without a hook, cutting to the depth skips the per-level callback.
    const onDrop =
      this.dropLevel === undefined
        ? undefined
        : (level: TLevel) => this.dropLevel?.(level)
    // A snapshot or a large update is staged and sorted once, so levels in
    // any order (worst first included) cost O(n log n) and only the best
    // `depth` ever enter the side.
    if (isSnapshot || bids.length > BULK_ITEMS) this.#bids.beginBulk()
    if (isSnapshot || asks.length > BULK_ITEMS) this.#asks.beginBulk()
    let error: string | undefined
    try {
      error =
        this.applySide(this.#bids, true, bids, isSnapshot) ??
        this.applySide(this.#asks, false, asks, isSnapshot)
    } finally {
      this.#bids.endBulk(this.depth, onDrop)
      this.#asks.endBulk(this.depth, onDrop)
    }
    if (error !== undefined) {
      this.#markOutOfSync()
      return envelopeRejection(this.symbol, {
        reason: 'invalid-input',
        expected,
        problem: error,
      })
    }
    this.#bids.truncate(this.depth, onDrop)
    this.#asks.truncate(this.depth, onDrop)
    const computed = this.checksum()
    if (computed !== expected) {
      this.#inSync = false
      return mismatch(this.symbol, expected, computed)
    }
    this.#inSync = true
    return APPLY_OK
  }

  #markOutOfSync(): void {
    this.#inSync = false
    this.#checksum = undefined
  }

  checksum(): number {
    this.#checksum ??= foldChecksum(this.#asks.entries, this.#bids.entries)
    return this.#checksum
  }

  reset(): void {
    this.clear()
    this.#markOutOfSync()
  }
}
