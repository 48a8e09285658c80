/**
 * Done-means of the tape: a session recorded from the simulator (a real
 * Kraken v2 server on loopback) through the runtime replays through the
 * runtime with every book checksum verified, and two replays make the same
 * handler calls in the same order.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBook } from '@kraken-sockets/book'
import {
  BookSnapshotResponse,
  BookSubscriptionRequest,
  BookUpdateResponse,
  KrakenWebSocketAPI,
  Response,
  TickerSubscriptionRequest,
  TradesSubscriptionRequest,
  TradesUpdateResponse,
} from '@kraken-sockets/runtime'
import { startSimulator } from '@kraken-sockets/simulator'
import {
  createTapeWriter,
  readTape,
  recordingTransport,
  replayTransport,
  type TapeEvent,
} from '@kraken-sockets/tape'
import { nodeWebSocket } from '@kraken-sockets/transport'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'

const SUBSCRIPTIONS = () => [
  BookSubscriptionRequest(['BTC/USD', 'ETH/USD'], { depth: 10 }),
  TradesSubscriptionRequest(['BTC/USD']),
  TickerSubscriptionRequest(['BTC/USD']),
]
const UPDATES_TO_RECORD = 150

// Moved here from packages/tape: the simulator depends on the tape package,
// so the tape package's own tests cannot start a simulator without a cycle.
const temp = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'tape-sim-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
})()
const tape = `${temp.dir}/session.tape`
let recordedBookFrames = 0

function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    typeof inner === 'bigint' ? `${inner}n` : inner,
  )
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  const simulator = await startSimulator({ seed: 11, rate: 400 })
  const writer = createTapeWriter({ dir: tape, chunkBytes: 16 * 1024 })
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    logger: false,
    transport: recordingTransport(() => nodeWebSocket({ WebSocket }), writer),
  })
  let updates = 0
  kraken.trigger(BookUpdateResponse, () => {
    updates++
  })
  const running = kraken.run(SUBSCRIPTIONS())
  try {
    await waitFor(() => updates >= UPDATES_TO_RECORD, 'book updates')
  } finally {
    await kraken.stop()
    await running
    await writer.close()
    await simulator.close()
  }
  for await (const event of readTape(tape))
    if (event.kind === 'in' && event.text.startsWith('{"channel":"book"'))
      recordedBookFrames++
}, 120_000)

afterAll(() => temp.remove())

/** One replay of the tape through a fresh client. */
async function replayOnce() {
  const replay = replayTransport(tape, { speed: 'max' })
  const kraken = new KrakenWebSocketAPI({ transport: replay, logger: false })
  const calls: string[] = []
  const errors: unknown[] = []
  const books = new Map<string, ReturnType<typeof createBook>>()
  const checksums = { verified: 0, failed: 0 }
  kraken.on('error', (error) => {
    errors.push(error)
  })
  kraken.trigger(Response, (response) => {
    calls.push(stringify(response))
  })
  const applyBook = (value: BookSnapshotResponse | BookUpdateResponse) => {
    let book = books.get(value.symbol)
    if (book === undefined) {
      book = createBook({ symbol: value.symbol, depth: 10 })
      books.set(value.symbol, book)
    }
    const result = book.apply(value)
    if (result.ok) checksums.verified++
    else checksums.failed++
  }
  kraken.trigger(BookSnapshotResponse, applyBook)
  kraken.trigger(BookUpdateResponse, applyBook)
  const running = kraken.run(SUBSCRIPTIONS())
  const report = await replay.done()
  await kraken.stop()
  await running
  return { calls, errors, checksums, report }
}

describe('replayTransport over a simulator tape, through the runtime', () => {
  test('every book checksum verifies and two replays make identical handler calls', async () => {
    const first = await replayOnce()
    const second = await replayOnce()

    expect(first.errors).toEqual([])
    expect(first.report.missing).toEqual([])
    expect(first.checksums.failed).toBe(0)
    // Every book frame on tape reached the bot (one value per frame here).
    expect(first.checksums.verified).toBe(recordedBookFrames)
    expect(first.checksums.verified).toBeGreaterThan(UPDATES_TO_RECORD)
    expect(first.report.subscribed.sort()).toEqual([
      'book BTC/USD',
      'book ETH/USD',
      'ticker BTC/USD',
      'trade BTC/USD',
    ])

    expect(second.calls).toEqual(first.calls)
    expect(second.checksums).toEqual(first.checksums)
    expect(first.calls.length).toBeGreaterThan(recordedBookFrames)
  }, 120_000)

  test('a subscription the tape does not hold is refused and reported, not silently empty', async () => {
    const replay = replayTransport(tape)
    const kraken = new KrakenWebSocketAPI({ transport: replay, logger: false })
    const running = kraken.run([])
    const acks = await kraken.subscribe(TradesSubscriptionRequest(['SOL/USD']))
    expect(acks).toHaveLength(1)
    expect(acks[0]).toMatchObject({ success: false, symbol: 'SOL/USD' })
    expect(String(acks[0]?.error)).toContain(
      'EReplay:The tape holds no trade SOL/USD',
    )
    const report = await replay.done()
    expect(report.missing).toEqual([
      { endpoint: 'public', channel: 'trade', symbol: 'SOL/USD' },
    ])
    await kraken.stop()
    await running
  })

  test('the bot sees trades in the recorded order', async () => {
    const recorded: string[] = []
    for await (const event of readTape(tape) as AsyncIterable<TapeEvent>)
      if (
        event.kind === 'in' &&
        event.text.includes('"channel":"trade","type":"update"')
      )
        recorded.push(event.text)
    const replay = replayTransport(tape)
    const kraken = new KrakenWebSocketAPI({ transport: replay, logger: false })
    const seen: number[] = []
    kraken.trigger(TradesUpdateResponse, (response) => {
      for (const trade of response.trades) seen.push(trade.trade_id)
    })
    const running = kraken.run([TradesSubscriptionRequest(['BTC/USD'])])
    await replay.done()
    await kraken.stop()
    await running
    const expected = recorded.flatMap((text) =>
      [...text.matchAll(/"trade_id":(\d+)/g)].map((m) => Number(m[1])),
    )
    expect(seen).toEqual(expected)
  })
})
