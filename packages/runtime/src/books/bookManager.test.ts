import {
  BookSubscriptionRequest,
  BookUnsubscribeRequest,
} from '@kraken-sockets/schema'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { BookEvent } from '../index.js'
import { liveBookFrames, withChecksum } from '../testing/bookFrames.js'
import { createFakeKraken, flush } from '../testing/fakeKraken.js'

const btc = liveBookFrames('BTC/USD')
const eth = liveBookFrames('ETH/USD')

/** Frame `index` of a capture; the capture has 510 frames. */
function frame(frames: string[], index: number): string {
  const text = frames[index]
  if (text === undefined) throw new Error(`No frame ${index}.`)
  return text
}

afterEach(() => {
  vi.useRealTimers()
})

describe('kraken.book()', () => {
  test('default', async () => {
    const { kraken, receive, sent } = createFakeKraken()
    const opening = kraken.book('BTC/USD', { depth: 10 })
    await flush()
    expect(sent('public')).toMatchObject([
      {
        method: 'subscribe',
        params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 },
      },
    ])
    receive('public', frame(btc, 0))
    const book = await opening
    for (let index = 1; index <= 100; index++) {
      receive('public', frame(btc, index))
    }
    expect(book.inSync).toBe(true)
    expect(book.stats()).toMatchObject({
      state: 'in-sync',
      verified: 101,
      mismatches: 0,
      resyncs: 0,
    })
    const best = book.bids.best
    expect(best).toMatchObject({
      price: expect.any(Number),
      qty: expect.any(Number),
    })
    expect(book.bids.length).toBe(10)
    expect(book.bids.at(0)?.price).toBeGreaterThan(book.bids.at(1)?.price ?? 0)
    expect(book.asks.at(0)?.price).toBeLessThan(book.asks.at(1)?.price ?? 0)
    await book.release()
    expect(sent('public').at(-1)).toMatchObject({
      method: 'unsubscribe',
      params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 },
    })
    await kraken.stop()
  })

  test('behavior: a checksum mismatch resyncs that symbol only', async () => {
    const { kraken, receive, sent } = createFakeKraken()
    const events: string[] = []
    kraken.on('book', (event: BookEvent) => {
      events.push(`${event.symbol} ${event.state}`)
    })
    const opening = [kraken.book('BTC/USD'), kraken.book('ETH/USD')]
    await flush()
    receive('public', frame(btc, 0))
    receive('public', frame(eth, 0))
    const [btcBook, ethBook] = await Promise.all(opening)
    receive('public', withChecksum(frame(btc, 1), 12345))
    // ETH keeps flowing while BTC resyncs; BTC updates meanwhile are ignored.
    receive('public', frame(eth, 1))
    receive('public', frame(btc, 2))
    expect(btcBook?.state).toBe('resyncing')
    expect(ethBook?.state).toBe('in-sync')
    await flush()
    expect(sent('public').slice(2)).toMatchObject([
      {
        method: 'unsubscribe',
        params: { channel: 'book', symbol: ['BTC/USD'] },
      },
      { method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'] } },
    ])
    receive('public', frame(btc, 0))
    receive('public', frame(btc, 1))
    receive('public', frame(eth, 2))
    expect(btcBook?.stats()).toMatchObject({
      state: 'in-sync',
      verified: 3,
      mismatches: 1,
      resyncs: 1,
    })
    expect(ethBook?.stats()).toMatchObject({ verified: 3, mismatches: 0 })
    expect(events).toEqual([
      'BTC/USD in-sync',
      'ETH/USD in-sync',
      'BTC/USD resyncing',
      'BTC/USD in-sync',
    ])
    expect(kraken.stats().resyncs).toBe(1)
    await kraken.stop()
  })

  test('behavior: resyncs back off and stop when the budget is spent', async () => {
    vi.useFakeTimers()
    const { kraken, receive, sent, errors } = createFakeKraken({
      bookResyncLimit: 2,
    })
    const opening = kraken.book('BTC/USD')
    await vi.advanceTimersByTimeAsync(0)
    receive('public', frame(btc, 0))
    const book = await opening
    const corrupt = () => {
      receive('public', frame(btc, 0))
      receive('public', withChecksum(frame(btc, 1), 1))
    }
    corrupt()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent('public')).toHaveLength(3)
    corrupt()
    // The second resync in a row waits 0.5 s before unsubscribing.
    await vi.advanceTimersByTimeAsync(499)
    expect(sent('public')).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent('public')).toHaveLength(5)
    corrupt()
    expect(book.state).toBe('failed')
    expect(errors.map((error) => error.name)).toEqual(['BookSyncError'])
    // A new holder restarts it with a fresh budget.
    const again = kraken.book('BTC/USD')
    await vi.advanceTimersByTimeAsync(0)
    expect(
      sent('public')
        .slice(5)
        .map((each) => each.method),
    ).toEqual(['unsubscribe', 'subscribe'])
    receive('public', frame(btc, 0))
    expect((await again).state).toBe('in-sync')
    await kraken.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: the backoff starts over once the book stayed in sync 10 s', async () => {
    vi.useFakeTimers()
    const { kraken, receive, sent } = createFakeKraken()
    const opening = kraken.book('BTC/USD')
    await vi.advanceTimersByTimeAsync(0)
    receive('public', frame(btc, 0))
    const book = await opening
    // A first failure resyncs at once...
    receive('public', withChecksum(frame(btc, 1), 1))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent('public')).toHaveLength(3)
    receive('public', frame(btc, 0))
    expect(book.state).toBe('in-sync')
    // ...and after 10 s in sync, a new failure is a new incident: at once
    // again, not after the 0.5 s a second resync in a row waits.
    await vi.advanceTimersByTimeAsync(10_001)
    receive('public', withChecksum(frame(btc, 1), 1))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent('public')).toHaveLength(5)
    receive('public', frame(btc, 0))
    expect(book.state).toBe('in-sync')
    await kraken.stop()
  })

  test('behavior: books are shared; a smaller depth reuses a larger one, truncated', async () => {
    const { kraken, receive, sent } = createFakeKraken()
    const opening = kraken.book('BTC/USD', { depth: 25 })
    await flush()
    receive('public', frame(btc, 0))
    const large = await opening
    const small = await kraken.book('BTC/USD', { depth: 5 })
    expect(sent('public')).toHaveLength(1)
    expect(small.bids.length).toBe(5)
    expect([...small.asks]).toEqual(large.asks.slice(0, 5))
    expect(small.bids.get(large.bids.at(7)?.price ?? 0)).toBeUndefined()
    expect(small.stats().holders).toBe(2)
    await small.release()
    expect(sent('public')).toHaveLength(1)
    await large.release()
    expect(sent('public').at(-1)).toMatchObject({ method: 'unsubscribe' })
    await kraken.stop()
  })

  test("behavior: a user's unsubscribe does not end a live book", async () => {
    const { kraken, receive, sent } = createFakeKraken()
    await kraken.subscribe(BookSubscriptionRequest(['BTC/USD'], { depth: 10 }))
    const opening = kraken.book('BTC/USD')
    await flush()
    // The user's snapshot has passed: the book asks for a fresh one.
    expect(sent('public').map((each) => each.method)).toEqual([
      'subscribe',
      'unsubscribe',
      'subscribe',
    ])
    receive('public', frame(btc, 0))
    const book = await opening
    const [ack] = await kraken.unsubscribe(
      BookUnsubscribeRequest(['BTC/USD'], { depth: 10 }),
    )
    expect(ack?.success).toBe(true)
    expect(sent('public')).toHaveLength(3)
    receive('public', frame(btc, 1))
    expect(book.stats()).toMatchObject({ state: 'in-sync', verified: 2 })
    await kraken.stop()
  })

  test("error: book() over the user's snapshot-less subscription rejects, sending nothing", async () => {
    const { kraken, sent } = createFakeKraken()
    await kraken.subscribe(
      BookSubscriptionRequest(['BTC/USD'], { depth: 25, snapshot: false }),
    )
    await expect(kraken.book('BTC/USD')).rejects.toMatchObject({
      name: 'BookSyncError',
      symbol: 'BTC/USD',
      details: expect.stringContaining('snapshot: false'),
    })
    expect(sent('public')).toHaveLength(1)
    expect(kraken.stats().books).toEqual([])
    await kraken.stop()
  })

  test('behavior: a dropped socket marks books out of sync until the replay snapshot', async () => {
    const { kraken, receive, transports } = createFakeKraken()
    const opening = kraken.book('BTC/USD')
    await flush()
    receive('public', frame(btc, 0))
    const book = await opening
    transports.public?.drop({ reopen: false })
    expect(book.state).toBe('out-of-sync')
    expect(book.inSync).toBe(false)
    transports.public?.reopen()
    await flush()
    receive('public', frame(btc, 0))
    expect(book.state).toBe('in-sync')
    await kraken.stop()
  })

  test('error: a refused book subscription rejects', async () => {
    const { kraken } = createFakeKraken({
      rejectSymbols: { 'NOPE/USD': 'Currency pair not supported NOPE/USD' },
      // The unknown pair's hint waits this long for instrument data, which
      // this fake never sends.
      requestTimeout: 1_000,
    })
    await expect(kraken.book('NOPE/USD')).rejects.toMatchObject({
      name: 'BookSyncError',
      symbol: 'NOPE/USD',
    })
    expect(kraken.stats().books).toEqual([])
    await kraken.stop()
  })
})
