import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TapeEvent } from '../format/events.js'
import { readTape } from '../read/tapeReader.js'
import {
  LIVE_BOOK_VALUES,
  liveTardisLines,
  writeLiveTardisFile,
} from '../testing/liveTardis.js'
import { tempDir } from '../testing/tempDir.js'
import { createTapeWriter } from '../write/tapeWriter.js'
import { runTapeCli } from './main.js'
import type { Output } from './output.js'

const temp = tempDir('tape-cli-')
const tape = join(temp.dir, 'mixed.tape')
const TRADE =
  '{"channel":"trade","type":"update","data":[{"symbol":"ETH/USD","side":"sell","price":3200.10,"qty":0.50000000,"ord_type":"market","trade_id":42,"timestamp":"2023-07-30T12:00:00.123456Z"}]}'
let bookLines: string[] = []

/** Writes a tape: the live BTC/USD book stream, an ETH/USD trade and a token-bearing request. */
beforeAll(async () => {
  bookLines = liveTardisLines(true)
  const writer = createTapeWriter({
    dir: tape,
    chunkBytes: 8 * 1024,
    flushInterval: false,
  })
  const conn = writer.nextConnection()
  const first = bookLines[0]?.slice(0, 28) ?? ''
  writer.write({
    kind: 'open',
    conn,
    endpoint: 'public',
    url: 'wss://ws.kraken.com/v2',
    time: first,
    mono: 0,
  })
  writer.write({
    kind: 'out',
    conn,
    text: '{"method":"subscribe","params":{"channel":"executions","token":"very-secret"}}',
    time: first,
    mono: 1,
  })
  bookLines.forEach((line, i) => {
    writer.write({
      kind: 'in',
      conn,
      time: line.slice(0, 28),
      mono: 10 + i,
      text: line.slice(29),
    })
    if (i === 100)
      writer.write({
        kind: 'in',
        conn,
        time: line.slice(0, 28),
        mono: 10 + i,
        text: TRADE,
      })
  })
  await writer.close()
})
afterAll(() => temp.remove())

function capture(): Output & { text: () => string } {
  let text = ''
  return {
    write: async (chunk) => {
      text += chunk
    },
    text: () => text,
  }
}

async function run(...argv: string[]) {
  const out = capture()
  const err = capture()
  const code = await runTapeCli(argv, { out, err })
  return { code, out: out.text(), err: err.text() }
}

describe('kraken-tape', () => {
  test('info counts frames per channel and symbol, and redacted requests', async () => {
    const { code, out } = await run('info', tape, '--json')
    expect(code).toBe(0)
    const summary = JSON.parse(out)
    expect(summary).toMatchObject({
      received: LIVE_BOOK_VALUES + 1,
      sent: 1,
      sentRedacted: 1,
      connections: { public: 1 },
      frames: { 'book BTC/USD': LIVE_BOOK_VALUES, 'trade ETH/USD': 1 },
    })
  })

  test('cat --channel book --symbol BTC/USD prints exactly those frames as tardis.dev lines', async () => {
    const { code, out } = await run(
      'cat',
      tape,
      '--channel',
      'book',
      '--symbol',
      'BTC/USD',
    )
    expect(code).toBe(0)
    expect(out.trimEnd().split('\n')).toEqual(bookLines)
    const trades = await run('cat', tape, '--channel', 'trade')
    expect(trades.out).toBe(`${bookLines[100]?.slice(0, 28)} ${TRADE}\n`)
    expect((await run('cat', tape, '--symbol', 'SOL/USD')).out).toBe('')
  })

  test('cat --jsonl shows sent frames with their token redacted', async () => {
    const { out } = await run('cat', tape, '--jsonl')
    expect(out).not.toContain('very-secret')
    const sent = out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as TapeEvent)
      .find((e) => e.kind === 'out')
    expect(sent).toMatchObject({ kind: 'out', redacted: true })
  })

  test('cut --from --to writes a tape of that span, which still verifies from its snapshot', async () => {
    const target = join(temp.dir, 'cut.tape')
    const from = bookLines[0]?.slice(0, 28) ?? ''
    const to = bookLines[200]?.slice(0, 28) ?? ''
    const { code, out } = await run(
      'cut',
      tape,
      '--from',
      from,
      '--to',
      to,
      '--out',
      target,
    )
    expect(code).toBe(0)
    expect(out).toContain(`to ${target}`)
    const events: TapeEvent[] = []
    for await (const event of readTape(target)) events.push(event)
    const received = events.filter((e) => e.kind === 'in')
    const expected = bookLines.filter((line) => line.slice(0, 28) < to)
    expect(
      received
        .filter((e) => e.text.includes('"book"'))
        .map((e) => `${e.time} ${e.text}`),
    ).toEqual(expected)
    expect(events[0]).toMatchObject({ kind: 'open', endpoint: 'public' })
    const verified = await run('verify', target)
    expect(verified.code).toBe(0)
    expect(verified.out).toMatch(
      new RegExp(`BTC/USD\\s+${expected.length}\\s+0\\s+0`),
    )
    // A cut that exists is refused, not overwritten.
    expect((await run('cut', tape, '--out', target)).code).toBe(2)
  })

  test('verify reports checksums per symbol, and fails on lost digits without --precision', async () => {
    const good = await run('verify', tape)
    expect(good.code).toBe(0)
    expect(good.out).toMatch(
      new RegExp(`book\\s+BTC/USD\\s+${LIVE_BOOK_VALUES}\\s+0\\s+0`),
    )
    const python = writeLiveTardisFile(temp.dir, false)
    const bad = await run('verify', python)
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('FAILED')
    const fixed = await run(
      'verify',
      python,
      '--precision',
      'BTC/USD=1,8',
      '--json',
    )
    expect(fixed.code).toBe(0)
    expect(JSON.parse(fixed.out)).toEqual([
      {
        channel: 'book',
        symbol: 'BTC/USD',
        verified: LIVE_BOOK_VALUES,
        failed: 0,
        unchecked: 0,
      },
    ])
  })

  test('to-csv writes tardis.dev incremental_book_L2 and trades rows with exact digits', async () => {
    const book = await run('to-csv', tape, '--type', 'incremental_book_L2')
    const rows = book.out.trimEnd().split('\n')
    expect(rows[0]).toBe(
      'exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount',
    )
    expect(rows[1]).toMatch(
      /^kraken,BTC\/USD,\d{16},\d{16},true,bid,\d+\.\d,\d+\.\d{8}$/,
    )
    expect(
      rows.some((row) => /,false,(bid|ask),\d+\.\d,0\.00000000$/.test(row)),
    ).toBe(true)
    const target = join(temp.dir, 'trades.csv.gz')
    expect(
      (await run('to-csv', tape, '--type', 'trades', '--out', target)).code,
    ).toBe(0)
    expect(gunzipSync(readFileSync(target)).toString('utf8')).toBe(
      'exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n' +
        `kraken,ETH/USD,1690718400123456,${Date.parse(bookLines[100]?.slice(0, 23) ?? '') * 1000 + Number(bookLines[100]?.slice(23, 26))},42,sell,3200.1,0.5\n`,
    )
  })

  test('usage errors exit 2 with a message', async () => {
    expect((await run('frobnicate', tape)).code).toBe(2)
    expect((await run('to-csv', tape, '--type', 'candles')).err).toContain(
      'incremental_book_L2',
    )
    expect((await run('info', join(temp.dir, 'nope'))).err).toContain(
      'no such tape',
    )
    expect((await run('verify', tape, '--precision', 'BTC')).code).toBe(2)
    expect((await run('--help')).out).toContain('Usage: kraken-tape')
  })

  test('runs as a command (tsx, source condition)', async () => {
    const root = join(import.meta.dirname, '../../../..')
    const { stdout } = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [
        '--conditions=@kraken-sockets/source',
        join(import.meta.dirname, '../cli.ts'),
        'info',
        tape,
      ],
      { cwd: root, timeout: 60_000 },
    )
    expect(stdout).toContain(`book BTC/USD`)
    expect(stdout).toContain(`${LIVE_BOOK_VALUES + 1} received`)
  })
})
