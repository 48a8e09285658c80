import {
  BOOK_DEPTHS,
  type Book,
  createBook,
  createL3Book,
  L3_DEPTHS,
  type L3Book,
} from '@kraken-sockets/book'
import { decodeMessage } from '@kraken-sockets/schema'
import type { TapeEvent } from '../format/events.js'

/** Decimals of a pair, for tapes whose numbers lost trailing zeros. */
export type PairPrecision = {
  /** Decimals of prices (`price_precision`). */
  readonly price: number
  /** Decimals of quantities (`qty_precision`). */
  readonly qty: number
}

/** Checksum counts of one book (channel and symbol). */
export type BookVerification = {
  /** Kraken's channel. */
  readonly channel: 'book' | 'level3'
  /** The pair. */
  readonly symbol: string
  /** Snapshots and updates whose checksum matched. */
  verified: number
  /** Values whose checksum did not match (the book then waits for a snapshot). */
  failed: number
  /** Updates not checked: no snapshot yet, or out of sync after a failure. */
  unchecked: number
}

/** Options of {@link verifyBooks}. */
export type VerifyOptions = {
  /** Precisions per symbol; the tape's `instrument` frames also provide them. */
  precisions?: ReadonlyMap<string, PairPrecision> | undefined
}

type AnyBook = { channel: 'book' | 'level3'; book: Book | L3Book }

function depthFor(depths: readonly number[], levels: number): number {
  return depths.find((depth) => depth >= levels) ?? (depths.at(-1) as number)
}

/** Price levels on a side: level3 lists orders, several per level. */
function levelCount(
  channel: 'book' | 'level3',
  side: readonly unknown[] | undefined,
): number {
  if (side === undefined) return 0
  if (channel === 'book') return side.length
  return new Set(
    side.map((order) => (order as { limit_price?: unknown }).limit_price),
  ).size
}

type DecodedLevels = {
  bids?: readonly unknown[]
  asks?: readonly unknown[]
  symbol: string
}

/**
 * Replays every `book` and `level3` frame of a tape through
 * `@kraken-sockets/book` and counts checksums verified and failed per
 * symbol. Books are per connection (a new connection starts over at its
 * snapshot); the depth is the subscribed one when the tape holds the ack,
 * else the snapshot's size.
 *
 * @example
 * ```ts
 * for (const book of await verifyBooks(readTape('session.tape')))
 *   console.log(book.symbol, book.verified, book.failed)
 * ```
 */
export async function verifyBooks(
  events: AsyncIterable<TapeEvent>,
  options: VerifyOptions = {},
): Promise<BookVerification[]> {
  const precisions = new Map(options.precisions ?? [])
  const results = new Map<string, BookVerification>()
  const books = new Map<string, AnyBook>()
  const ackDepths = new Map<string, number>()

  const resultFor = (channel: 'book' | 'level3', symbol: string) => {
    const key = `${channel} ${symbol}`
    let result = results.get(key)
    if (result === undefined) {
      result = { channel, symbol, verified: 0, failed: 0, unchecked: 0 }
      results.set(key, result)
    }
    return result
  }

  const apply = (
    conn: number,
    channel: 'book' | 'level3',
    isSnapshot: boolean,
    value: DecodedLevels,
  ) => {
    const key = `${conn} ${channel} ${value.symbol}`
    let entry = books.get(key)
    if (isSnapshot || entry === undefined) {
      const levels = Math.max(
        levelCount(channel, value.bids),
        levelCount(channel, value.asks),
      )
      const precision = precisions.get(value.symbol)
      const options = {
        symbol: value.symbol,
        depth:
          ackDepths.get(`${conn} ${channel} ${value.symbol}`) ??
          depthFor(channel === 'book' ? BOOK_DEPTHS : L3_DEPTHS, levels),
        pricePrecision: precision?.price,
        qtyPrecision: precision?.qty,
      }
      entry = {
        channel,
        book: channel === 'book' ? createBook(options) : createL3Book(options),
      }
      books.set(key, entry)
    }
    const result = resultFor(channel, value.symbol)
    const outcome = (
      entry.book as { apply(value: unknown): { ok: boolean; reason?: string } }
    ).apply(value)
    if (outcome.ok) result.verified++
    else if (outcome.reason === 'checksum-mismatch') result.failed++
    else result.unchecked++
  }

  for await (const event of events) {
    if (event.kind === 'close') {
      for (const key of [...books.keys()])
        if (key.startsWith(`${event.conn} `)) books.delete(key)
      continue
    }
    if (event.kind !== 'in') continue
    const { text } = event
    if (text.includes('"method"')) {
      learnDepth(text, event.conn, ackDepths)
      continue
    }
    if (text.includes('"channel":"instrument"')) {
      learnPrecisions(text, precisions, options.precisions)
      continue
    }
    const isBook = text.includes('"channel":"book"')
    if (!isBook && !text.includes('"channel":"level3"')) continue
    const decoded = decodeMessage(text)
    if (!decoded.ok) continue
    for (const { value } of decoded.responses) {
      const item = value as DecodedLevels & { type?: string }
      if (typeof item.symbol !== 'string') continue
      apply(
        event.conn,
        isBook ? 'book' : 'level3',
        item.type === 'snapshot',
        item,
      )
    }
  }
  return [...results.values()].sort((a, b) =>
    a.channel === b.channel
      ? a.symbol.localeCompare(b.symbol)
      : a.channel.localeCompare(b.channel),
  )
}

function learnDepth(text: string, conn: number, depths: Map<string, number>) {
  let value: {
    method?: unknown
    success?: unknown
    result?: Record<string, unknown>
  }
  try {
    value = JSON.parse(text)
  } catch {
    return
  }
  const result = value.result
  if (
    value.method !== 'subscribe' ||
    value.success !== true ||
    result === undefined
  )
    return
  if (typeof result.depth === 'number' && typeof result.symbol === 'string')
    depths.set(
      `${conn} ${String(result.channel)} ${result.symbol}`,
      result.depth,
    )
}

function learnPrecisions(
  text: string,
  precisions: Map<string, PairPrecision>,
  given: ReadonlyMap<string, PairPrecision> | undefined,
) {
  let value: { data?: { pairs?: Record<string, unknown>[] } }
  try {
    value = JSON.parse(text)
  } catch {
    return
  }
  for (const pair of value.data?.pairs ?? []) {
    const { symbol, price_precision, qty_precision } = pair
    if (typeof symbol !== 'string' || given?.has(symbol) === true) continue
    if (
      typeof price_precision === 'number' &&
      typeof qty_precision === 'number'
    )
      precisions.set(symbol, { price: price_precision, qty: qty_precision })
  }
}
