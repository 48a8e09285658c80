/**
 * The runtime's `record` option: a simulator session (a real Kraken v2
 * server on loopback) recorded with `record: createTapeWriter(...)`, public,
 * level3 and private sockets and a reconnect included, replays through the
 * runtime with the handler calls the live session made, tokens never reach
 * the tape, and `kraken-tape verify` verifies every book on it.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzipSync } from 'node:zlib'
import {
  BookSubscriptionRequest,
  BookUpdateResponse,
  ExecutionSubscriptionRequest,
  KrakenWebSocketAPI,
  Level3SubscriptionRequest,
  Response,
  TradesSubscriptionRequest,
} from '@kraken-sockets/runtime'
import { startSimulator } from '@kraken-sockets/simulator'
import {
  createTapeWriter,
  REDACTED,
  readTape,
  replayTransport,
  type TapeEvent,
} from '@kraken-sockets/tape'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const SUBSCRIPTIONS = () => [
  BookSubscriptionRequest(['BTC/USD', 'ETH/USD'], { depth: 10 }),
  TradesSubscriptionRequest(['BTC/USD']),
  Level3SubscriptionRequest(['BTC/USD']),
  ExecutionSubscriptionRequest({ snap_orders: true }),
]
const UPDATES_BEFORE_DROP = 60
const UPDATES_AFTER_DROP = 60

const temp = mkdtempSync(join(tmpdir(), 'tape-record-'))
const tape = join(temp, 'session.tape')
const tokens: string[] = []
let liveCalls: string[] = []
const events: TapeEvent[] = []

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

/** The handler calls a client makes, each value as text. */
function callLog(kraken: KrakenWebSocketAPI): string[] {
  const calls: string[] = []
  kraken.trigger(Response, (response) => {
    calls.push(stringify(response))
  })
  return calls
}

beforeAll(async () => {
  const simulator = await startSimulator({ seed: 23, rate: 300 })
  const writer = createTapeWriter({ dir: tape, chunkBytes: 16 * 1024 })
  const kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    logger: false,
    getToken: async () => {
      const token = simulator.issueToken()
      tokens.push(token)
      return token
    },
    record: writer,
  })
  const calls = callLog(kraken)
  let updates = 0
  kraken.trigger(BookUpdateResponse, () => {
    updates++
  })
  const running = kraken.run(SUBSCRIPTIONS())
  try {
    await waitFor(() => updates >= UPDATES_BEFORE_DROP, 'book updates')
    simulator.inject({ type: 'drop' })
    await waitFor(
      () => updates >= UPDATES_BEFORE_DROP + UPDATES_AFTER_DROP,
      'book updates after the reconnect',
    )
  } finally {
    // stop() closes the recorder: no writer.close() here.
    await kraken.stop()
    await running
    await simulator.close()
  }
  expect(writer.closed).toBe(true)
  liveCalls = [...calls]
  for await (const event of readTape(tape)) events.push(event)
}, 120_000)

afterAll(() => rmSync(temp, { recursive: true, force: true }))

/**
 * Handler calls per stream (channel or method, and symbol), each in its
 * order; `status` frames of different sockets sorted, the unsubscribe
 * answers to stop() left out.
 */
function streams(calls: readonly string[]): Record<string, string[]> {
  const byStream: Record<string, string[]> = {}
  for (const call of calls) {
    const value = JSON.parse(call) as {
      channel?: string
      method?: string
      symbol?: string
      result?: { channel?: string; symbol?: string }
    }
    if (value.method === 'unsubscribe') continue
    const key = [
      value.channel ?? value.method,
      value.result?.channel,
      value.symbol ?? value.result?.symbol,
    ].join(' ')
    byStream[key] ??= []
    byStream[key].push(call)
  }
  byStream['status  ']?.sort()
  return byStream
}

/** One replay of the tape through a fresh client. */
async function replayOnce() {
  const replay = replayTransport(tape, { speed: 'max' })
  const kraken = new KrakenWebSocketAPI({
    transport: replay,
    logger: false,
    getToken: async () => 'replay',
  })
  const errors: unknown[] = []
  kraken.on('error', (error) => {
    errors.push(error)
  })
  const calls = callLog(kraken)
  const running = kraken.run(SUBSCRIPTIONS())
  const report = await replay.done()
  await kraken.stop()
  await running
  return { calls, errors, report }
}

describe('the record option tapes every socket of a session', () => {
  test('public, private and level3 sockets, each reconnect a new connection', () => {
    const opens = events.flatMap((event) =>
      event.kind === 'open' ? [event.endpoint] : [],
    )
    // Each endpoint opened, and again after the simulator dropped them.
    for (const endpoint of ['public', 'private', 'level3'] as const)
      expect(
        opens.filter((opened) => opened === endpoint).length,
      ).toBeGreaterThanOrEqual(2)
    const closes = events.filter((event) => event.kind === 'close')
    expect(closes.length).toBe(opens.length)
  })

  test('tokens are redacted on the parsed request and appear nowhere in the files', () => {
    expect(tokens.length).toBeGreaterThan(0)
    const withToken = events.filter(
      (event) => event.kind === 'out' && event.text.includes('"token"'),
    )
    expect(withToken.length).toBeGreaterThan(0)
    for (const event of withToken)
      expect(
        JSON.parse(event.kind === 'out' ? event.text : '{}'),
      ).toMatchObject({ params: { token: REDACTED } })
    for (const file of readdirSync(tape)) {
      const bytes = readFileSync(join(tape, file))
      const text = file.endsWith('.gz')
        ? gunzipSync(bytes).toString()
        : bytes.toString()
      for (const token of tokens) expect(text).not.toContain(token)
    }
  })

  test("a replay makes the live session's handler calls, stream by stream, twice the same", async () => {
    const first = await replayOnce()
    const second = await replayOnce()
    expect(first.errors).toEqual([])
    expect(first.report.missing).toEqual([])
    expect(liveCalls.length).toBeGreaterThan(
      UPDATES_BEFORE_DROP + UPDATES_AFTER_DROP,
    )
    // Each socket plays its own part of the tape, so frames of different
    // sockets interleave by chance (live too): each stream keeps its order.
    // The unsubscribes of stop() come after the tape's end, answered by the
    // replay.
    expect(streams(first.calls)).toEqual(streams(liveCalls))
    expect(streams(second.calls)).toEqual(streams(first.calls))
    expect(second.calls.length).toBe(first.calls.length)
  }, 120_000)

  test('kraken-tape verify verifies every book on the tape', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@kraken-sockets/source',
        join(import.meta.dirname, '../../packages/tape/src/cli.ts'),
        'verify',
        tape,
        '--json',
      ],
      { timeout: 120_000 },
    )
    // The command exits 0 only when no checksum failed (execFile rejects otherwise).
    const results = JSON.parse(stdout) as {
      channel: string
      symbol: string
      verified: number
      failed: number
    }[]
    expect(results.map((r) => `${r.channel} ${r.symbol}`).sort()).toEqual([
      'book BTC/USD',
      'book ETH/USD',
      'level3 BTC/USD',
    ])
    for (const result of results) {
      expect(result.failed).toBe(0)
      expect(result.verified).toBeGreaterThan(0)
    }
    // Every book frame on tape was checked: the bot's book values count them.
    const bookFrames = events.filter(
      (event) =>
        event.kind === 'in' &&
        /^\{"channel":"book","type":"(snapshot|update)"/.test(event.text),
    ).length
    expect(
      results
        .filter((r) => r.channel === 'book')
        .reduce((sum, r) => sum + r.verified, 0),
    ).toBe(bookFrames)
  }, 150_000)
})
