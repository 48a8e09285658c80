import { crc32 } from 'node:zlib'
import type { BookLevelInput, BookValueInput } from '@kraken-sockets/book'
import type { Stream } from './liveStream.js'

/*
 * A seeded synthetic book stream at any depth: a snapshot, then updates that
 * change, remove and insert levels mostly near the top, as Kraken's feed
 * does. Checksums come from a deliberately simple reference (sort, cut, build
 * the string, zlib CRC-32), independent of the package under test.
 */

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const TICK = 10 // prices in tenths: 300000 = 30000.0

function priceText(ticks: number): string {
  return (ticks / TICK).toFixed(1)
}

function digits(text: string): string {
  return text.replace('.', '').replace(/^0+/, '')
}

function level(ticks: number, qty: string): BookLevelInput {
  const text = priceText(ticks)
  return {
    price: Number(text),
    qty: Number(qty),
    price_text: text,
    qty_text: qty,
  }
}

export function syntheticStream(options: {
  depth: number
  updates: number
  seed: number
}): Stream {
  const { depth, seed } = options
  const next = random(seed)
  const qty = (): string => (next() * 5 + 0.00000001).toFixed(8)
  const bids = new Map<number, string>()
  const asks = new Map<number, string>()
  const mid = 300_000
  for (let i = 0; i < depth; i++) {
    bids.set(mid - 1 - i * 2, qty())
    asks.set(mid + 1 + i * 2, qty())
  }
  const sorted = (side: Map<number, string>, descending: boolean): number[] =>
    [...side.keys()].sort((a, b) => (descending ? b - a : a - b))
  const cut = (side: Map<number, string>, descending: boolean): void => {
    for (const ticks of sorted(side, descending).slice(depth))
      side.delete(ticks)
  }
  const checksum = (): number => {
    let text = ''
    for (const [side, descending] of [
      [asks, false],
      [bids, true],
    ] as const)
      for (const ticks of sorted(side, descending).slice(0, 10))
        text += digits(priceText(ticks)) + digits(side.get(ticks) ?? '')
    return crc32(text)
  }
  const toLevels = (side: Map<number, string>, descending: boolean) =>
    sorted(side, descending).map((ticks) => level(ticks, side.get(ticks) ?? ''))
  const snapshot: BookValueInput = {
    channel: 'book',
    type: 'snapshot',
    symbol: 'SYN/USD',
    bids: toLevels(bids, true),
    asks: toLevels(asks, false),
    checksum: checksum(),
  }
  const updates: BookValueInput[] = []
  const updateTexts: string[] = []
  for (let u = 0; u < options.updates; u++) {
    const changes: [BookLevelInput[], BookLevelInput[]] = [[], []]
    const count = 1 + Math.floor(next() * 3)
    for (let c = 0; c < count; c++) {
      const isBid = next() < 0.5
      const side = isBid ? bids : asks
      const order = sorted(side, isBid)
      // Skewed towards the top of the book, where most activity is.
      const index = Math.floor(next() ** 3 * order.length)
      const at = order[index] ?? (isBid ? mid - 1 : mid + 1)
      const roll = next()
      const target = isBid ? changes[0] : changes[1]
      if (roll < 0.5) {
        const q = qty()
        side.set(at, q)
        target.push(level(at, q))
      } else if (roll < 0.75 && side.size > 1) {
        side.delete(at)
        target.push(level(at, '0.00000000'))
        // The level coming into scope at the far end.
        const far = (order.at(-1) ?? at) + (isBid ? -1 : 1)
        const q = qty()
        side.set(far, q)
        target.push(level(far, q))
      } else {
        const gap = isBid ? -1 : 1
        let ticks = at + gap
        while (side.has(ticks) && ticks !== mid) ticks += gap
        const q = qty()
        side.set(ticks, q)
        target.push(level(ticks, q))
      }
    }
    cut(bids, true)
    cut(asks, false)
    const value: BookValueInput = {
      channel: 'book',
      type: 'update',
      symbol: 'SYN/USD',
      bids: changes[0],
      asks: changes[1],
      checksum: checksum(),
      timestamp: '2026-01-01T00:00:00.000000Z',
    }
    updates.push(value)
    updateTexts.push(
      JSON.stringify({
        channel: 'book',
        type: 'update',
        data: [
          {
            ...value,
            bids: value.bids.map((l) => ({
              price: l.price_text,
              qty: l.qty_text,
            })),
            asks: value.asks.map((l) => ({
              price: l.price_text,
              qty: l.qty_text,
            })),
            channel: undefined,
            type: undefined,
          },
        ],
      }).replace(/("(?:price|qty)":)"([^"]+)"/g, '$1$2'),
    )
  }
  return {
    symbol: 'SYN/USD',
    depth,
    pricePrecision: 1,
    qtyPrecision: 8,
    snapshot,
    updates,
    updateTexts,
  }
}
