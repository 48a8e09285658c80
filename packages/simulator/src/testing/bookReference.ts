import { createBook } from '@kraken-sockets/book'
import { expect } from 'vitest'
import type { Simulator } from '../simulator.js'
import type { Opened } from './lifecycle.js'
import { numbersAsText, parseExact } from './parseExact.js'

/** A book level as a frame carries it (numbers as text). */
export type BookLevel = { price: string; qty: string }
/** `data[0]` of a `book` message (numbers as text). */
export type BookData = {
  symbol: string
  bids: BookLevel[]
  asks: BookLevel[]
  checksum: string
}
/** A parsed `book` message (numbers as text). */
export type BookMessage = { type: 'snapshot' | 'update'; data: BookData[] }

const level = ({ price, qty }: BookLevel) => ({
  price: Number(price),
  qty: Number(qty),
  price_text: price,
  qty_text: qty,
})

/**
 * Replays every `book` frame of `symbol` a client received into
 * `@kraken-sockets/book`'s checksum-verified book (an independent
 * subscriber that truncates to `depth`); every message must verify.
 */
export function verifyBookFrames(
  frames: readonly string[],
  depth: number,
  symbol = 'BTC/USD',
) {
  const book = createBook({ symbol, depth })
  const messages: BookMessage[] = []
  for (const frame of frames) {
    if (!frame.startsWith('{"channel":"book"')) continue
    const message = numbersAsText(parseExact(frame)) as BookMessage
    const data = message.data[0]
    if (data === undefined) throw new Error('no data')
    if (data.symbol !== symbol) continue
    const result = book.apply({
      type: message.type,
      symbol,
      bids: data.bids.map(level),
      asks: data.asks.map(level),
      checksum: Number(data.checksum),
    })
    expect(result).toEqual({ ok: true })
    messages.push(message)
  }
  return { book, messages }
}

/**
 * Connects to the public endpoint and subscribes to `book`; resolves with
 * the client once the ack and the snapshot have arrived.
 */
export async function subscribeBook(
  open: Opened,
  simulator: Simulator,
  options: { depth?: number; symbol?: string } = {},
) {
  const client = await open.connect(simulator.publicUrl)
  client.send({
    method: 'subscribe',
    params: {
      channel: 'book',
      symbol: [options.symbol ?? 'BTC/USD'],
      ...(options.depth === undefined ? {} : { depth: options.depth }),
    },
    req_id: 1,
  })
  await client.next((_, p) => p?.req_id === 1)
  await client.next((f) => f.startsWith('{"channel":"book","type":"snapshot"'))
  return client
}
