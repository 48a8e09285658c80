import { createWriteStream, existsSync, statSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { TapeError } from '../errors.js'
import type { TapeEvent } from '../format/events.js'
import { parseTapeTime } from '../format/time.js'
import { readTape, tapeSegments } from '../read/tapeReader.js'
import { frameInfo } from '../replay/frameInfo.js'
import { CSV_HEADERS, type CsvType, csvRows } from '../verify/tardisCsv.js'
import { type PairPrecision, verifyBooks } from '../verify/verifyTape.js'
import { createTapeWriter } from '../write/tapeWriter.js'
import { type Output, streamOutput } from './output.js'

/** Time bounds of a command, µs since the epoch. */
export type Bounds = { from?: number | undefined; to?: number | undefined }

/** `kraken-tape info`: what a tape holds. */
export async function info(
  tape: string,
  bounds: Bounds,
  out: Output,
  json: boolean,
): Promise<number> {
  const counts = { open: 0, in: 0, out: 0, close: 0, redacted: 0 }
  const endpoints = new Map<string, number>()
  const channels = new Map<string, number>()
  let first: TapeEvent | undefined
  let last: TapeEvent | undefined
  for await (const event of readTape(tape, bounds)) {
    first ??= event
    last = event
    counts[event.kind]++
    if (event.kind === 'open')
      endpoints.set(event.endpoint, (endpoints.get(event.endpoint) ?? 0) + 1)
    if (event.kind === 'out' && event.redacted) counts.redacted++
    if (event.kind !== 'in') continue
    const frame = frameInfo(event.text)
    const keys =
      frame.kind === 'channel'
        ? frame.symbols.length === 0
          ? [frame.channel]
          : frame.symbols.map((symbol) => `${frame.channel} ${symbol}`)
        : [frame.kind === 'method' ? `(${frame.method})` : '(other)']
    for (const key of keys) channels.set(key, (channels.get(key) ?? 0) + 1)
  }
  const isFolder = statSync(tape).isDirectory()
  const summary = {
    tape,
    format: isFolder
      ? 'tape folder (tardis.dev frames + sidecar)'
      : 'tardis.dev raw file',
    segments: isFolder ? tapeSegments(tape).length : 1,
    first: first?.time,
    last: last?.time,
    seconds:
      first === undefined || last === undefined
        ? 0
        : (parseTapeTime(last.time) - parseTapeTime(first.time)) / 1e6,
    connections: Object.fromEntries(endpoints),
    received: counts.in,
    sent: counts.out,
    sentRedacted: counts.redacted,
    closes: counts.close,
    frames: Object.fromEntries(
      [...channels].sort(([a], [b]) => a.localeCompare(b)),
    ),
  }
  if (json) {
    await out.write(`${JSON.stringify(summary, null, 2)}\n`)
    return 0
  }
  const lines = [
    `tape         ${summary.tape}`,
    `format       ${summary.format}, ${summary.segments} segment(s)`,
    `time         ${summary.first ?? '-'} .. ${summary.last ?? '-'} (${summary.seconds.toFixed(3)} s)`,
    `connections  ${[...endpoints].map(([e, n]) => `${e} ${n}`).join(', ') || '-'} (${counts.close} closed)`,
    `frames       ${counts.in} received, ${counts.out} sent (${counts.redacted} redacted)`,
    ...[...Object.entries(summary.frames)].map(
      ([key, n]) => `  ${key.padEnd(28)} ${n}`,
    ),
  ]
  await out.write(`${lines.join('\n')}\n`)
  return 0
}

/** Filters of `kraken-tape cat`. */
export type CatOptions = Bounds & {
  channel?: string | undefined
  symbol?: string | undefined
  /** Print every event as a JSON line (sent frames and boundaries too). */
  jsonl?: boolean | undefined
}

function matches(event: TapeEvent, options: CatOptions): boolean {
  if (options.channel === undefined && options.symbol === undefined) return true
  if (event.kind !== 'in' && event.kind !== 'out') return false
  const frame = frameInfo(event.text)
  if (frame.kind === 'channel')
    return (
      (options.channel === undefined || frame.channel === options.channel) &&
      (options.symbol === undefined || frame.symbols.includes(options.symbol))
    )
  if (frame.kind === 'method' && frame.key !== undefined) {
    const [channel, symbol] = frame.key.split(' ')
    return (
      (options.channel === undefined || channel === options.channel) &&
      (options.symbol === undefined || symbol === options.symbol)
    )
  }
  return false
}

/** `kraken-tape cat`: received frames as tardis.dev raw lines, filtered. */
export async function cat(
  tape: string,
  options: CatOptions,
  out: Output,
): Promise<number> {
  for await (const event of readTape(tape, options)) {
    if (options.jsonl === true) {
      if (matches(event, options)) await out.write(`${JSON.stringify(event)}\n`)
    } else if (event.kind === 'in' && matches(event, options))
      await out.write(`${event.time} ${event.text}\n`)
  }
  return 0
}

/** `kraken-tape cut`: the part of a tape between two times, as a new tape folder. */
export async function cut(
  tape: string,
  bounds: Bounds,
  target: string,
  out: Output,
): Promise<number> {
  if (existsSync(target))
    throw new TapeError(`${target} exists: cut writes a new tape folder.`)
  const writer = createTapeWriter({ dir: target, flushInterval: false })
  let events = 0
  try {
    for await (const event of readTape(tape, bounds)) {
      events++
      if (!writer.write(event)) await writer.drain()
    }
  } finally {
    await writer.close()
  }
  await out.write(`wrote ${events} events to ${target}\n`)
  return 0
}

/** `kraken-tape verify`: book checksums verified and failed per symbol. */
export async function verify(
  tape: string,
  bounds: Bounds,
  precisions: Map<string, PairPrecision>,
  out: Output,
  json: boolean,
): Promise<number> {
  const results = await verifyBooks(readTape(tape, bounds), { precisions })
  const failed = results.some((r) => r.failed > 0)
  if (json) await out.write(`${JSON.stringify(results, null, 2)}\n`)
  else {
    const rows = [
      `${'channel'.padEnd(8)} ${'symbol'.padEnd(12)} ${'verified'.padStart(9)} ${'failed'.padStart(7)} ${'unchecked'.padStart(10)}`,
      ...results.map(
        (r) =>
          `${r.channel.padEnd(8)} ${r.symbol.padEnd(12)} ${String(r.verified).padStart(9)} ${String(r.failed).padStart(7)} ${String(r.unchecked).padStart(10)}`,
      ),
      results.length === 0
        ? 'no book frames in this tape'
        : failed
          ? 'FAILED'
          : 'OK',
    ]
    await out.write(`${rows.join('\n')}\n`)
  }
  return failed || results.length === 0 ? 1 : 0
}

/** `kraken-tape to-csv`: a tardis.dev CSV (`incremental_book_L2` or `trades`). */
export async function toCsv(
  tape: string,
  bounds: Bounds,
  type: CsvType,
  target: string | undefined,
  out: Output,
): Promise<number> {
  let sink: Writable | undefined
  let file: Writable | undefined
  let output = out
  if (target !== undefined) {
    file = createWriteStream(target)
    const gzip = target.endsWith('.gz') ? createGzip() : undefined
    gzip?.pipe(file)
    sink = gzip ?? file
    output = streamOutput(sink)
  }
  await output.write(`${CSV_HEADERS[type]}\n`)
  let rows = 0
  for await (const event of readTape(tape, bounds)) {
    const lines = csvRows(event, type)
    if (lines.length === 0) continue
    rows += lines.length
    await output.write(`${lines.join('\n')}\n`)
  }
  if (sink !== undefined && file !== undefined) {
    sink.end()
    // The file, not the gzip: the gzip's end only starts the file's last
    // write, and a reader must see the whole file once we report it written.
    await finished(file)
    await out.write(`wrote ${rows} rows to ${target}\n`)
  }
  return 0
}
