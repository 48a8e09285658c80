/**
 * Runtime books and the user's own book subscriptions on one socket, against
 * the simulator (which, like Kraken, allows one book depth per symbol and
 * connection).
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import {
  BookDepthConflictError,
  BookSubscriptionRequest,
  BookUpdateResponse,
  type KrakenErrorEvent,
  KrakenWebSocketAPI,
} from './index.js'

let simulator: Simulator
let clients: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  simulator = await startSimulator({ seed: 11, rate: 200 })
})

afterEach(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  clients = []
  await simulator.close()
})

function connect() {
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    WebSocket,
    logger: false,
  })
  const errors: KrakenErrorEvent[] = []
  kraken.on('error', (error) => {
    errors.push(error)
  })
  clients.push(kraken)
  return { kraken, errors }
}

/** Resolves when `predicate` holds, checked after each frame `kraken` receives. */
function until(kraken: KrakenWebSocketAPI, predicate: () => boolean) {
  return new Promise<void>((resolve) => {
    if (predicate()) return resolve()
    const off = kraken.onFrame(() => {
      if (!predicate()) return
      off()
      resolve()
    })
  })
}

/** Counts the user's book updates of `symbol` from now on. */
function countUpdates(kraken: KrakenWebSocketAPI, symbol: string) {
  const counter = { updates: 0 }
  kraken.trigger(BookUpdateResponse, (response) => {
    if (response.symbol === symbol) counter.updates++
  })
  return counter
}

const unsubscribes = () =>
  simulator.stats.requests({ method: 'unsubscribe', channel: 'book' })

describe('books sharing the user subscription', () => {
  test('behavior: book() shares a pending deeper user subscription: one subscribe, verified, released without unsubscribing', async () => {
    const { kraken, errors } = connect()
    const user = countUpdates(kraken, 'BTC/USD')
    const subscribing = kraken.subscribe(
      BookSubscriptionRequest(['BTC/USD'], { depth: 25 }),
    )
    const book = await kraken.book('BTC/USD', { depth: 10 })
    const [ack] = await subscribing
    expect(ack).toMatchObject({ success: true })
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    expect(book.depth).toBe(10)
    expect(book.stats()).toMatchObject({ depth: 25, state: 'in-sync' })
    await until(kraken, () => book.stats().verified > 5)
    expect(book.stats()).toMatchObject({ mismatches: 0, resyncs: 0 })
    expect(book.bids.length).toBe(10)
    await book.release()
    expect(unsubscribes()).toEqual([])
    const before = user.updates
    await until(kraken, () => user.updates > before + 2)
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    expect(errors).toEqual([])
  })

  test("behavior: the user's unsubscribe keeps a shared book live; its last release unsubscribes once", async () => {
    const { kraken, errors } = connect()
    const subscribing = kraken.subscribe(
      BookSubscriptionRequest(['BTC/USD'], { depth: 10 }),
    )
    const book = await kraken.book('BTC/USD')
    await subscribing
    const [ack] = await kraken.unsubscribe(
      BookSubscriptionRequest(['BTC/USD'], { depth: 10 }),
    )
    expect(ack).toMatchObject({ success: true })
    expect(unsubscribes()).toEqual([])
    const verified = book.stats().verified
    await until(kraken, () => book.stats().verified > verified + 2)
    expect(book.state).toBe('in-sync')
    await book.release()
    expect(unsubscribes()).toMatchObject([
      { symbols: ['BTC/USD'], params: { depth: 10 } },
    ])
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    expect(errors).toEqual([])
  })

  test('behavior: book() over a live user subscription resubscribes once at its depth for a snapshot', async () => {
    const { kraken, errors } = connect()
    await kraken.subscribe(BookSubscriptionRequest(['BTC/USD'], { depth: 25 }))
    const book = await kraken.book('BTC/USD', { depth: 10 })
    expect(book.stats()).toMatchObject({ depth: 25, state: 'in-sync' })
    await until(kraken, () => book.stats().verified > 3)
    expect(book.stats()).toMatchObject({ mismatches: 0, resyncs: 0 })
    // Never another depth: the user's subscription stays at 25.
    const subscribes = simulator.stats.requests({
      method: 'subscribe',
      channel: 'book',
    })
    expect(subscribes.map((each) => each.params?.depth)).toEqual([25, 25])
    expect(unsubscribes()).toMatchObject([{ params: { depth: 25 } }])
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 1,
      rejected: 0,
    })
    await book.release()
    expect(unsubscribes()).toHaveLength(1)
    expect(errors).toEqual([])
  })
})

describe('depth conflicts', () => {
  test("error: book() deeper than the user's subscription rejects at once, sending nothing", async () => {
    const { kraken, errors } = connect()
    const user = countUpdates(kraken, 'BTC/USD')
    await kraken.subscribe(BookSubscriptionRequest(['BTC/USD'], { depth: 10 }))
    const error = await kraken
      .book('BTC/USD', { depth: 20 })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BookDepthConflictError)
    expect(error).toMatchObject({
      symbol: 'BTC/USD',
      channel: 'book',
      liveDepth: 10,
      askedDepth: 25,
    })
    expect(String((error as Error).message)).toMatch(
      /depth 10.*Ask for a depth up to 10, or unsubscribe/s,
    )
    expect(kraken.stats().books).toEqual([])
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    await until(kraken, () => user.updates > 2)
    expect(errors).toEqual([])
  })

  test("error: a user's subscribe at another depth than a runtime book is refused locally, other symbols go", async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('BTC/USD', { depth: 10 })
    const acks = await kraken.subscribe(
      BookSubscriptionRequest(['BTC/USD', 'ETH/USD'], { depth: 25 }),
    )
    expect(acks).toMatchObject([
      { success: false, symbol: 'BTC/USD' },
      { success: true, result: { symbol: 'ETH/USD', depth: 25 } },
    ])
    expect(acks[0]?.error).toMatch(
      /already subscribed on book at depth 10 by kraken\.book\(\).*Subscribe at depth 10/,
    )
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    const verified = book.stats().verified
    await until(kraken, () => book.stats().verified > verified + 2)
    expect(book.stats()).toMatchObject({ state: 'in-sync', resyncs: 0 })
    expect(errors).toEqual([])
  })

  test("behavior: a user's subscribe at the book's depth (or Kraken's default) shares it", async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('BTC/USD')
    const acks = await kraken.subscribe(BookSubscriptionRequest(['BTC/USD']))
    expect(acks).toMatchObject([
      { success: true, result: { symbol: 'BTC/USD' } },
    ])
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    await book.release()
    expect(unsubscribes()).toEqual([])
    await kraken.unsubscribe(BookSubscriptionRequest(['BTC/USD']))
    expect(unsubscribes()).toMatchObject([{ symbols: ['BTC/USD'] }])
    expect(errors).toEqual([])
  })

  test('error: growing a book the user shares rejects; the book stays at its depth', async () => {
    const { kraken, errors } = connect()
    const book = await kraken.book('BTC/USD', { depth: 10 })
    await kraken.subscribe(BookSubscriptionRequest(['BTC/USD'], { depth: 10 }))
    await expect(kraken.book('BTC/USD', { depth: 100 })).rejects.toMatchObject({
      name: 'BookDepthConflictError',
      liveDepth: 10,
      askedDepth: 100,
    })
    expect(book.stats()).toMatchObject({
      depth: 10,
      holders: 1,
      state: 'in-sync',
    })
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    expect(errors).toEqual([])
  })
})
