import { expect, test } from 'vitest'
import type { Simulator } from '../simulator.js'
import {
  type BookLevel,
  subscribeBook,
  verifyBookFrames,
} from '../testing/bookReference.js'
import type { TestClient } from '../testing/client.js'
import {
  subscribeLevel3,
  verifyLevel3Frames,
} from '../testing/level3Reference.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import {
  connectPrivate,
  type Frame,
  type PrivateClient,
} from '../testing/private.js'

const open = closeAfterEach()
const DEPTHS = [10, 25, 100] as const

/** The sum of two quantity texts at 8 decimals, as exact text. */
const addQty = (a: string, b: string) => {
  const units = (text: string) => BigInt(text.replace('.', ''))
  const digits = (units(a) + units(b)).toString().padStart(9, '0')
  return `${digits.slice(0, -8)}.${digits.slice(-8)}`
}

const orderIdOf = (response: Frame) => {
  const id = (response.result as { order_id?: unknown } | undefined)?.order_id
  if (typeof id !== 'string') throw new Error('no order_id')
  return id
}

async function trading(simulator: Simulator) {
  const trader = await connectPrivate(simulator)
  open.clients.push(trader)
  let reqId = 0
  return {
    trader,
    async place(side: 'buy' | 'sell', price: string, qty: number) {
      const { response } = await trader.request(
        'add_order',
        {
          order_type: 'limit',
          side,
          symbol: 'BTC/USD',
          order_qty: qty,
          limit_price: Number(price),
        },
        ++reqId,
      )
      return orderIdOf(response)
    },
    async send(method: string, params: Frame) {
      return (await trader.request(method, params, ++reqId)).response
    },
  }
}

/** Book subscribers at depths 10, 25 and 100. */
async function books(simulator: Simulator) {
  const clients = new Map<number, TestClient>()
  for (const depth of DEPTHS)
    clients.set(depth, await subscribeBook(open, simulator, { depth }))
  return {
    clients,
    async sync() {
      await Promise.all([...clients.values()].map((c) => c.sync()))
    },
    /** Each depth's verified book and messages so far. */
    verified() {
      return DEPTHS.map((depth) => ({
        depth,
        ...verifyBookFrames(clients.get(depth)?.frames ?? [], depth),
      }))
    },
  }
}

/** Every level of the updates naming `price` on `side`. */
const updatesAt = (
  messages: ReturnType<typeof verifyBookFrames>['messages'],
  side: 'bids' | 'asks',
  price: string,
) =>
  messages
    .filter((m) => m.type === 'update')
    .flatMap((m) => m.data[0]?.[side] ?? [])
    .filter((l: BookLevel) => l.price === price)
    .map((l) => l.qty)

test('behavior: an own order at a new price enters the book, changes and leaves, every checksum exact at depths 10, 25, 100', async () => {
  const simulator = await open.start({ seed: 7 })
  const subscribers = await books(simulator)
  const [top] = subscribers.verified()
  const bids = top?.book.bids.slice() ?? []
  // A price between two of the top 10 bids: a level of its own.
  const gap = bids.findIndex((level, i) => {
    const next = bids[i + 1]
    return next !== undefined && level.price - next.price > 0.15
  })
  expect(gap).toBeGreaterThanOrEqual(0)
  const between = ((bids[gap]?.price ?? 0) - 0.1).toFixed(1)
  expect(bids.some((l) => l.price_text === between)).toBe(false)
  const pushedOut = bids[9]?.price_text
  const { place, send } = await trading(simulator)

  const id = await place('buy', between, 0.5)
  await subscribers.sync()
  for (const { depth, book, messages } of subscribers.verified()) {
    expect(book.bids.get(Number(between))?.qty_text).toBe('0.50000000')
    expect(book.bids.length).toBe(depth)
    // Its only level: the one pushed out of scope gets no delete.
    expect(messages.at(-1)?.data[0]?.bids).toEqual([
      { price: between, qty: '0.50000000' },
    ])
    expect(messages.at(-1)?.data[0]?.asks).toEqual([])
  }
  const [afterAdd] = subscribers.verified()
  expect(afterAdd?.book.bids.get(Number(pushedOut))).toBeUndefined()

  await send('amend_order', { order_id: id, order_qty: 0.4 })
  await send('cancel_order', { order_id: [id] })
  await subscribers.sync()
  for (const { depth, book, messages } of subscribers.verified()) {
    expect(updatesAt(messages, 'bids', between)).toEqual([
      '0.50000000',
      '0.40000000',
      '0.00000000',
    ])
    expect(book.bids.get(Number(between))).toBeUndefined()
    expect(book.bids.length).toBe(depth)
    expect(book.bids.slice(0, 10).map((l) => l.price_text)).toEqual(
      bids.map((l) => l.price_text),
    )
  }
  // The level that had fallen out of depth 10 came back with the cancel.
  const [afterCancel] = subscribers.verified()
  expect(afterCancel?.book.bids.at(9)?.price_text).toBe(pushedOut)
})

test('behavior: own orders at existing levels raise their quantity, in scope only', async () => {
  const simulator = await open.start({ seed: 9 })
  const subscribers = await books(simulator)
  const [, , deepest] = subscribers.verified()
  const bid = deepest?.book.bids.at(2)
  const ask = deepest?.book.asks.at(0)
  // Inside depths 25 and 100, out of depth 10.
  const deep = deepest?.book.bids.at(15)
  if (bid === undefined || ask === undefined || deep === undefined)
    throw new Error('book too shallow')
  const { place, send } = await trading(simulator)
  const ids = [
    await place('buy', bid.price_text, 0.25),
    await place('sell', ask.price_text, 1.5),
    await place('buy', deep.price_text, 3),
  ]
  await subscribers.sync()
  for (const { depth, book } of subscribers.verified()) {
    expect(book.bids.get(bid.price)?.qty_text).toBe(
      addQty(bid.qty_text, '0.25000000'),
    )
    expect(book.asks.get(ask.price)?.qty_text).toBe(
      addQty(ask.qty_text, '1.50000000'),
    )
    expect(book.bids.get(deep.price)?.qty_text).toBe(
      depth > 15 ? addQty(deep.qty_text, '3.00000000') : undefined,
    )
  }
  const [shallow] = subscribers.verified()
  expect(updatesAt(shallow?.messages ?? [], 'bids', deep.price_text)).toEqual(
    [],
  )

  await send('cancel_order', { order_id: ids })
  await subscribers.sync()
  for (const { depth, book, messages } of subscribers.verified()) {
    expect(book.bids.get(bid.price)?.qty_text).toBe(bid.qty_text)
    expect(book.asks.get(ask.price)?.qty_text).toBe(ask.qty_text)
    expect(updatesAt(messages, 'bids', deep.price_text)).toEqual(
      depth > 15 ? [addQty(deep.qty_text, '3.00000000'), deep.qty_text] : [],
    )
  }
})

/** Level3 totals per price of the top `count` levels of a side. */
function level3Totals(frames: readonly string[], side: 'bids' | 'asks') {
  const { book } = verifyLevel3Frames(frames, 10)
  const out = new Map<string, string>()
  for (const [price, orders] of book.sides[side])
    out.set(
      price,
      orders.reduce((sum, order) => addQty(sum, order.order_qty), '0.00000000'),
    )
  return out
}

async function expectBookMatchesLevel3(
  l2: TestClient,
  l3: TestClient,
  trader: PrivateClient,
) {
  await Promise.all([l2.sync(), l3.sync(), trader.sync()])
  const { book } = verifyBookFrames(l2.frames, 10)
  for (const side of ['bids', 'asks'] as const) {
    const l2Levels = new Map(
      book[side].slice().map((l) => [l.price_text, l.qty_text]),
    )
    expect(l2Levels.size).toBe(10)
    expect(l2Levels).toEqual(level3Totals(l3.frames, side))
  }
}

test('behavior: book and level3 agree at the best levels as own orders rest, fill and leave', async () => {
  const simulator = await open.start({ seed: 7 })
  const l2 = await subscribeBook(open, simulator, { depth: 10 })
  const { client: l3 } = await subscribeLevel3(open, simulator, { depth: 10 })
  const { book } = verifyBookFrames(l2.frames, 10)
  const best = book.bids.at(0)?.price_text ?? ''
  const below = ((book.bids.at(0)?.price ?? 0) - 0.1).toFixed(1)
  const { trader, place, send } = await trading(simulator)
  await send('subscribe', { channel: 'executions', snap_orders: false })
  const atBest = await place('buy', best, 0.25)
  await place('buy', below, 0.75)
  await place('sell', book.asks.at(1)?.price_text ?? '', 2)
  await expectBookMatchesLevel3(l2, l3, trader)

  // The market trades through the best bid in time: fills, then the order goes.
  const filled = (frame: string) =>
    frame.includes(`"order_id":"${atBest}"`) &&
    frame.includes('"order_status":"filled"')
  for (let i = 0; i < 200 && !trader.frames.some(filled); i++) {
    simulator.step(20)
    await expectBookMatchesLevel3(l2, l3, trader)
  }
  expect(trader.frames.some(filled)).toBe(true)
  await expectBookMatchesLevel3(l2, l3, trader)
})
