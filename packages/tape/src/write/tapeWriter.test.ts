import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, test } from 'vitest'
import { TapeWriteError } from '../errors.js'
import type { TapeEvent } from '../format/events.js'
import { REDACTED } from '../format/redact.js'
import { parseTapeTime } from '../format/time.js'
import { readTape } from '../read/tapeReader.js'
import { steppingClock, tempDir } from '../testing/tempDir.js'
import { createTapeWriter } from './tapeWriter.js'

const STATUS =
  '{"channel":"status","data":[{"api_version":"v2","connection_id":12393906104898154338,"system":"online","version":"2.0.4"}],"type":"update"}'
const BOOK =
  '{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":66786.50,"qty":0.00000000}],"asks":[],"checksum":123,"timestamp":"2024-05-19T18:59:44.999999Z"}]}'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const remove of cleanup.splice(0)) remove()
})

async function collect(path: string, options = {}): Promise<TapeEvent[]> {
  const events: TapeEvent[] = []
  for await (const event of readTape(path, options)) events.push(event)
  return events
}

describe('createTapeWriter + readTape', () => {
  test('round-trips every event losslessly across members and minute segments', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    // 7 s per event: minutes roll over every ~9 events.
    const writer = createTapeWriter({
      dir,
      rotateEveryMinute: true,
      chunkBytes: 300,
      flushInterval: false,
      clock: steppingClock(1_765_000_000_000_000, 7_000_000),
    })
    const conn = writer.nextConnection()
    writer.write({
      kind: 'open',
      conn,
      endpoint: 'public',
      url: 'wss://ws.kraken.com/v2',
    })
    writer.write({ kind: 'in', conn, text: STATUS })
    writer.write({
      kind: 'out',
      conn,
      text: '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"token":"t0ps3cret"},"req_id":1}',
    })
    for (let i = 0; i < 30; i++) writer.write({ kind: 'in', conn, text: BOOK })
    writer.write({
      kind: 'in',
      conn,
      text: '{"channel":"heartbeat",\n"pretty":true}',
    })
    writer.write({ kind: 'close', conn, reason: 'server 1006' })
    const second = writer.nextConnection()
    writer.write({
      kind: 'open',
      conn: second,
      endpoint: 'private',
      url: 'wss://ws-auth.kraken.com/v2',
    })
    writer.write({ kind: 'in', conn: second, text: STATUS })
    await writer.close()

    const segments = readdirSync(dir).filter((name) =>
      name.endsWith('.frames.gz'),
    )
    expect(segments.length).toBeGreaterThan(3)

    const events = await collect(dir)
    expect(events.map((e) => e.kind)).toEqual([
      'open',
      'in',
      'out',
      ...Array(30).fill('in'),
      'in',
      'close',
      'open',
      'in',
    ])
    const received = events.filter((e) => e.kind === 'in')
    expect(received[0]?.text).toBe(STATUS)
    expect(received.slice(1, 31).every((e) => e.text === BOOK)).toBe(true)
    expect(received[31]?.text).toBe('{"channel":"heartbeat",\n"pretty":true}')
    const sent = events.find((e) => e.kind === 'out')
    expect(sent?.kind === 'out' && sent.redacted).toBe(true)
    expect(JSON.stringify(events)).not.toContain('t0ps3cret')
    expect(sent?.kind === 'out' && sent.text).toContain(REDACTED)
    // Times and monotonic offsets advance with the clock.
    const times = events.map((e) => parseTapeTime(e.time))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(events.at(-1)?.mono).toBeGreaterThan(events[0]?.mono ?? 0)
    expect(events.at(-1)?.conn).toBe(2)
  })

  test('the frames files are tardis.dev raw lines: a 28-character timestamp, a space, the exact frame', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    const writer = createTapeWriter({
      dir,
      clock: steppingClock(1_765_000_000_000_000, 1500),
    })
    const conn = writer.nextConnection()
    writer.write({
      kind: 'open',
      conn,
      endpoint: 'public',
      url: 'wss://ws.kraken.com/v2',
    })
    writer.write({ kind: 'in', conn, text: STATUS })
    writer.write({ kind: 'in', conn, text: BOOK })
    writer.write({ kind: 'close', conn, reason: 'client' })
    await writer.close()
    const lines = gunzipSync(readFileSync(join(dir, '000001.frames.gz')))
      .toString('utf8')
      .split('\n')
    expect(lines).toEqual([
      `2025-12-06T05:46:40.0030000Z ${STATUS}`,
      `2025-12-06T05:46:40.0045000Z ${BOOK}`,
      '',
      '',
    ])
  })

  test('seeks with the sparse index and announces the connections open there', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    const writer = createTapeWriter({
      dir,
      chunkBytes: 1000,
      flushInterval: false,
      clock: steppingClock(1_765_000_000_000_000, 1_000_000),
    })
    const conn = writer.nextConnection()
    writer.write({
      kind: 'open',
      conn,
      endpoint: 'public',
      url: 'wss://ws.kraken.com/v2',
    })
    for (let i = 0; i < 200; i++)
      writer.write({
        kind: 'in',
        conn,
        text: BOOK.replace('"checksum":123', `"checksum":${i}`),
      })
    await writer.close()
    const index = readFileSync(join(dir, 'index.jsonl'), 'utf8')
      .trim()
      .split('\n')
    expect(index.length).toBeGreaterThan(20)

    const from = 1_765_000_000_000_000 + 150 * 1_000_000
    const events = await collect(dir, { from, to: from + 10_000_000 })
    expect(events[0]).toMatchObject({
      kind: 'open',
      conn: 1,
      endpoint: 'public',
    })
    const received = events.filter((e) => e.kind === 'in')
    expect(received).toHaveLength(10)
    expect(received[0]?.text).toContain('"checksum":148')
    expect(parseTapeTime(received[0]?.time ?? '')).toBe(from)
  })

  test('applies backpressure: write() turns false past the high-water mark, drain() resumes', async () => {
    const { dir, remove } = tempDir()
    cleanup.push(remove)
    const writer = createTapeWriter({
      dir,
      chunkBytes: 512,
      highWaterMark: 2048,
      flushInterval: false,
    })
    const conn = writer.nextConnection()
    writer.write({
      kind: 'open',
      conn,
      endpoint: 'public',
      url: 'wss://ws.kraken.com/v2',
    })
    let refusals = 0
    for (let i = 0; i < 500; i++) {
      if (!writer.write({ kind: 'in', conn, text: BOOK })) {
        refusals++
        await writer.drain()
      }
    }
    expect(refusals).toBeGreaterThan(0)
    await writer.close()
    expect(() => writer.write({ kind: 'in', conn, text: BOOK })).toThrow(
      TapeWriteError,
    )
    expect((await collect(dir)).filter((e) => e.kind === 'in')).toHaveLength(
      500,
    )
  })
})
