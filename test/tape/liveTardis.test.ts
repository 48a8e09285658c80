/**
 * Done-means of the tape: a tardis.dev file built from the live frames in
 * fixtures/kraken-v2 verifies, and replays through the runtime with every
 * checksum verified. It lives at the root because the runtime (which it
 * replays through) is not a dependency of tape: one would close a build cycle
 * (simulator -> tape -> runtime -> simulator).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createBook } from '@kraken-sockets/book'
import {
  BookSnapshotResponse,
  BookSubscriptionRequest,
  BookUpdateResponse,
  KrakenWebSocketAPI,
} from '@kraken-sockets/runtime'
import { afterAll, describe, expect, test } from 'vitest'
import { readTape } from '../../packages/tape/src/read/tapeReader.js'
import { replayTransport } from '../../packages/tape/src/replay/replayTransport.js'
import {
  LIVE_BOOK_VALUES,
  liveTardisLines,
  writeLiveTardisFile,
} from '../../packages/tape/src/testing/liveTardis.js'
import { tempDir } from '../../packages/tape/src/testing/tempDir.js'
import { verifyBooks } from '../../packages/tape/src/verify/verifyTape.js'

const temp = tempDir('tape-live-')
afterAll(() => temp.remove())

describe('a tardis.dev file of live Kraken frames', () => {
  test('its lines have the 28-character timestamps tardis.dev writes', () => {
    const lines = liveTardisLines(true)
    expect(lines).toHaveLength(LIVE_BOOK_VALUES)
    for (const line of lines)
      expect(line).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z \{"channel":"book",/,
      )
  })

  test('verifies: every checksum of the snapshot and 509 updates', async () => {
    const file = writeLiveTardisFile(temp.dir, true)
    expect(await verifyBooks(readTape(file))).toEqual([
      {
        channel: 'book',
        symbol: 'BTC/USD',
        verified: LIVE_BOOK_VALUES,
        failed: 0,
        unchecked: 0,
      },
    ])
  })

  test('with digits lost to re-serialisation, checksums fail unless precisions are given', async () => {
    const file = writeLiveTardisFile(temp.dir, false)
    const [bare] = await verifyBooks(readTape(file))
    expect(bare?.failed).toBeGreaterThan(0)
    expect(
      await verifyBooks(readTape(file), {
        precisions: new Map([['BTC/USD', { price: 1, qty: 8 }]]),
      }),
    ).toEqual([
      {
        channel: 'book',
        symbol: 'BTC/USD',
        verified: LIVE_BOOK_VALUES,
        failed: 0,
        unchecked: 0,
      },
    ])
  })

  test('replays through the runtime: the book subscription is answered and every value verifies', async () => {
    const file = writeLiveTardisFile(temp.dir, true)
    const replay = replayTransport(file, { speed: 'max' })
    const kraken = new KrakenWebSocketAPI({ transport: replay, logger: false })
    const errors: unknown[] = []
    kraken.on('error', (error) => {
      errors.push(error)
    })
    const book = createBook({ symbol: 'BTC/USD', depth: 10 })
    const outcomes = { verified: 0, failed: 0 }
    const apply = (value: BookSnapshotResponse | BookUpdateResponse) => {
      if (book.apply(value).ok) outcomes.verified++
      else outcomes.failed++
    }
    kraken.trigger(BookSnapshotResponse, apply)
    kraken.trigger(BookUpdateResponse, apply)
    const running = kraken.run([
      BookSubscriptionRequest(['BTC/USD'], { depth: 10 }),
    ])
    const livePromise = kraken.book('BTC/USD', { depth: 10 })
    const report = await replay.done()
    const live = await livePromise
    // The runtime's own live book verified every value too.
    expect(live.inSync).toBe(true)
    expect(live.stats()).toMatchObject({
      verified: LIVE_BOOK_VALUES,
      mismatches: 0,
    })
    expect(live.bestBid).toEqual(book.bestBid)
    await kraken.stop()
    await running
    expect(errors).toEqual([])
    expect(report).toMatchObject({
      frames: LIVE_BOOK_VALUES,
      skipped: 0,
      missing: [],
      subscribed: ['book BTC/USD'],
    })
    expect(outcomes).toEqual({ verified: LIVE_BOOK_VALUES, failed: 0 })
  })
})

describe('level3', () => {
  test('verifyBooks rebuilds level3 books order by order (bench corpus: snapshot + 3000 updates)', async () => {
    const frames = readFileSync(
      join(import.meta.dirname, '../../bench/corpora/level3.jsonl'),
      'utf8',
    )
      .split('\n')
      .filter((line) => line !== '')
    const events = frames.map((text, i) => ({
      kind: 'in' as const,
      conn: 1,
      text,
      time: `2024-01-08T12:26:${String(40 + Math.floor(i / 1000)).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}0000Z`,
      mono: i,
    }))
    async function* source() {
      yield* events
    }
    expect(await verifyBooks(source())).toEqual([
      {
        channel: 'level3',
        symbol: 'BTC/USD',
        verified: frames.length,
        failed: 0,
        unchecked: 0,
      },
    ])
  })
})
