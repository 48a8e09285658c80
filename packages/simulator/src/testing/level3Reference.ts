import { expect } from 'vitest'
import { type LevelText, level3Checksum } from '../market/checksum.js'
import type { Simulator } from '../simulator.js'
import type { Opened } from './lifecycle.js'
import { numbersAsText, parseExact } from './parseExact.js'

/** A level3 order as a frame carries it (numbers as text). */
export type Level3Order = {
  event?: string
  order_id: string
  limit_price: string
  order_qty: string
  timestamp: string
}
/** `data[0]` of a level3 message (numbers as text). */
export type Level3Data = {
  symbol: string
  checksum: string
  bids: Level3Order[]
  asks: Level3Order[]
}

/** An independent level3 subscriber: orders per price, truncated to `depth` levels. */
export function referenceLevel3Book(depth: number) {
  const sides = {
    bids: new Map<string, Level3Order[]>(),
    asks: new Map<string, Level3Order[]>(),
  }
  const sorted = (side: 'bids' | 'asks') =>
    [...sides[side].keys()].sort((a, b) =>
      side === 'bids' ? Number(b) - Number(a) : Number(a) - Number(b),
    )
  const texts = (side: 'bids' | 'asks'): LevelText[][] =>
    sorted(side).map((price) =>
      (sides[side].get(price) ?? []).map((o) => ({ price, qty: o.order_qty })),
    )
  return {
    sides,
    apply(data: Level3Data, snapshot: boolean) {
      for (const side of ['bids', 'asks'] as const) {
        if (snapshot) sides[side].clear()
        for (const order of data[side]) {
          const level = sides[side].get(order.limit_price) ?? []
          if (order.event === 'delete') {
            const kept = level.filter((o) => o.order_id !== order.order_id)
            expect(kept.length).toBe(level.length - 1)
            if (kept.length === 0) sides[side].delete(order.limit_price)
            else sides[side].set(order.limit_price, kept)
          } else if (order.event === 'modify') {
            const found = level.find((o) => o.order_id === order.order_id)
            expect(found).toBeDefined()
            if (found !== undefined) found.order_qty = order.order_qty
          } else {
            level.push({ ...order })
            sides[side].set(order.limit_price, level)
          }
        }
        for (const price of sorted(side).slice(depth)) sides[side].delete(price)
      }
      return level3Checksum(texts('asks'), texts('bids'))
    },
  }
}

/** A parsed level3 message (numbers as text). */
export type Level3Message = { type: string; data: Level3Data[] }

/**
 * Replays every level3 frame a client received into a reference book and
 * checks each message's checksum against it; returns the book and messages.
 */
export function verifyLevel3Frames(frames: readonly string[], depth: number) {
  const book = referenceLevel3Book(depth)
  const messages: Level3Message[] = []
  for (const frame of frames) {
    if (!frame.startsWith('{"channel":"level3"')) continue
    const message = numbersAsText(parseExact(frame)) as Level3Message
    const data = message.data[0]
    if (data === undefined) throw new Error('no data')
    expect(book.apply(data, message.type === 'snapshot')).toBe(
      Number(data.checksum),
    )
    messages.push(message)
  }
  return { book, messages }
}

/**
 * Connects to the level3 endpoint and subscribes (a token issued by the
 * simulator); resolves with the client and the parsed ack, once both the
 * ack and the snapshot have arrived.
 */
export async function subscribeLevel3(
  open: Opened,
  simulator: Simulator,
  options: { depth?: number; symbol?: string } = {},
) {
  const client = await open.connect(simulator.level3Url)
  client.send({
    method: 'subscribe',
    params: {
      channel: 'level3',
      symbol: [options.symbol ?? 'BTC/USD'],
      ...(options.depth === undefined ? {} : { depth: options.depth }),
      token: simulator.issueToken(),
    },
    req_id: 1,
  })
  const ack = JSON.parse(await client.next((_, p) => p?.req_id === 1))
  await client.next((f) => f.includes('"type":"snapshot"'))
  return { client, ack: ack as Record<string, unknown> }
}
