import { crc32Portable } from '../crc32.js'

/*
 * A deliberately naive L2 book (maps, sort on every read, strings built from
 * scratch) to check the real one against. Prices are kept as their text.
 */

export interface ReferenceLevel {
  readonly price: string
  readonly qty: string
}

function digits(text: string): string {
  return text.replace('.', '').replace(/^0+/, '')
}

/** Kraken's checksum string of two best-first level lists. */
export function referenceChecksumText(
  asks: readonly ReferenceLevel[],
  bids: readonly ReferenceLevel[],
): string {
  return [...asks.slice(0, 10), ...bids.slice(0, 10)]
    .map((level) => digits(level.price) + digits(level.qty))
    .join('')
}

export class ReferenceBook {
  readonly #depth: number
  readonly #bids = new Map<number, ReferenceLevel>()
  readonly #asks = new Map<number, ReferenceLevel>()

  constructor(depth: number) {
    this.#depth = depth
  }

  apply(side: 'bids' | 'asks', levels: readonly ReferenceLevel[]): void {
    const map = side === 'bids' ? this.#bids : this.#asks
    for (const level of levels)
      if (Number(level.qty) === 0) map.delete(Number(level.price))
      else map.set(Number(level.price), level)
  }

  truncate(): void {
    for (const side of ['bids', 'asks'] as const) {
      const map = side === 'bids' ? this.#bids : this.#asks
      for (const level of this.levels(side).slice(this.#depth))
        map.delete(Number(level.price))
    }
  }

  levels(side: 'bids' | 'asks'): ReferenceLevel[] {
    const map = side === 'bids' ? this.#bids : this.#asks
    return [...map.values()].sort((a, b) =>
      side === 'bids'
        ? Number(b.price) - Number(a.price)
        : Number(a.price) - Number(b.price),
    )
  }

  checksum(): number {
    return crc32Portable(
      referenceChecksumText(this.levels('asks'), this.levels('bids')),
    )
  }
}
