/**
 * Tape figures, as ratios measured in one process, rounds alternating:
 *
 * - write overhead: the runtime replaying the `mixed` corpus from a tape
 *   (as fast as it takes frames), bare vs. wrapped in `recordingTransport`
 *   writing a new tape; CPU per frame (process CPU: main thread plus the
 *   gzip work zlib does on libuv's pool) and main-thread time per frame;
 * - replay vs. decode-only: frames per second of a bot's runtime fed by
 *   `replayTransport` vs. `readTape` + `decodeMessage` over the same tape
 *   (and vs. `decodeMessage` over frames already in memory).
 *
 * Run: cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/tape/tapeBench.ts [rounds]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BookSubscriptionRequest,
  KrakenWebSocketAPI,
  OHLCSubscriptionRequest,
  Response,
  TickerSubscriptionRequest,
  TradesSubscriptionRequest,
} from '@kraken-sockets/runtime'
import { decodeMessage } from '@kraken-sockets/schema'
import {
  createTapeWriter,
  formatTapeTime,
  readTape,
  recordingTransport,
  replayTransport,
  type TransportOption,
} from '@kraken-sockets/tape'

const rounds = Number(process.argv[2] ?? 5)
const REPEAT = 3
const corpus = readFileSync(
  join(import.meta.dirname, '../../corpora/mixed.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '')
const work = mkdtempSync(join(tmpdir(), 'tape-bench-'))

const subscriptions = () => [
  TickerSubscriptionRequest(['BTC/USD', 'ALGO/USD']),
  TradesSubscriptionRequest(['BTC/USD', 'MATIC/USD']),
  BookSubscriptionRequest(['BTC/USD'], { depth: 10 }),
  OHLCSubscriptionRequest(['BTC/USD', 'ETH/USD'], { interval: 1 }),
  OHLCSubscriptionRequest(['ALGO/USD', 'MATIC/USD'], { interval: 5 }),
]

async function buildTape(dir: string): Promise<number> {
  const writer = createTapeWriter({ dir, flushInterval: false })
  const conn = writer.nextConnection()
  const start = 1_765_000_000_000_000
  let n = 0
  const stamp = () => ({ time: formatTapeTime(start + n * 100), mono: n * 100 })
  writer.write({
    kind: 'open',
    conn,
    endpoint: 'public',
    url: 'wss://ws.kraken.com/v2',
    ...stamp(),
  })
  for (let r = 0; r < REPEAT; r++)
    for (const text of corpus) {
      n++
      if (!writer.write({ kind: 'in', conn, text, ...stamp() }))
        await writer.drain()
    }
  await writer.close()
  return n
}

type Sample = { cpu: number; wall: number; frames: number }

async function runtimeReplay(
  tape: string,
  record: boolean,
  round: number,
): Promise<Sample> {
  const replay = replayTransport(tape, { speed: 'max' })
  const writer = record
    ? createTapeWriter({ dir: join(work, `rec-${round}`) })
    : undefined
  const transport: TransportOption =
    writer === undefined ? replay : recordingTransport(replay, writer)
  const kraken = new KrakenWebSocketAPI({ transport, logger: false })
  let handled = 0
  kraken.trigger(Response, () => {
    handled++
  })
  const cpu0 = process.cpuUsage()
  const wall0 = performance.now()
  const running = kraken.run(subscriptions())
  const report = await replay.done()
  // Main-thread time stops here; process CPU also counts the gzip work that
  // zlib finishes on libuv's pool.
  const wall = performance.now() - wall0
  await writer?.flush()
  const cpu = process.cpuUsage(cpu0)
  await kraken.stop()
  await running
  await writer?.close()
  if (handled === 0) throw new Error('no handler ran')
  return {
    cpu: (cpu.user + cpu.system) * 1000,
    wall: wall * 1e6,
    frames: report.frames,
  }
}

async function decodeFromTape(tape: string): Promise<Sample> {
  const cpu0 = process.cpuUsage()
  const wall0 = performance.now()
  let frames = 0
  for await (const event of readTape(tape)) {
    if (event.kind !== 'in') continue
    const result = decodeMessage(event.text)
    if (result.ok) frames++
  }
  const cpu = process.cpuUsage(cpu0)
  return {
    cpu: (cpu.user + cpu.system) * 1000,
    wall: (performance.now() - wall0) * 1e6,
    frames,
  }
}

function decodeInMemory(): Sample {
  const wall0 = performance.now()
  const cpu0 = process.cpuUsage()
  let frames = 0
  for (let r = 0; r < REPEAT; r++)
    for (const text of corpus) if (decodeMessage(text).ok) frames++
  const cpu = process.cpuUsage(cpu0)
  return {
    cpu: (cpu.user + cpu.system) * 1000,
    wall: (performance.now() - wall0) * 1e6,
    frames,
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}
const perFrame = (s: Sample, key: 'cpu' | 'wall') => s[key] / s.frames

const tape = join(work, 'mixed.tape')
const total = await buildTape(tape)
const overheadCpu: number[] = []
const overheadWall: number[] = []
const vsDecodeTape: number[] = []
const vsDecodeMemory: number[] = []
const ns: Record<string, number[]> = {
  bare: [],
  recording: [],
  bareCpu: [],
  recordingCpu: [],
  decodeTape: [],
  decodeMemory: [],
}
try {
  for (let round = -2; round < rounds; round++) {
    // Alternate which goes first; the first two rounds warm up.
    const first = round % 2 === 0
    const bare = first ? await runtimeReplay(tape, false, round) : undefined
    const recording = await runtimeReplay(tape, true, round)
    const bareAfter = bare ?? (await runtimeReplay(tape, false, round))
    const decodeTape = await decodeFromTape(tape)
    const decodeMemory = decodeInMemory()
    if (round < 0) continue
    overheadCpu.push(
      perFrame(recording, 'cpu') / perFrame(bareAfter, 'cpu') - 1,
    )
    overheadWall.push(
      perFrame(recording, 'wall') / perFrame(bareAfter, 'wall') - 1,
    )
    vsDecodeTape.push(
      perFrame(decodeTape, 'wall') / perFrame(bareAfter, 'wall'),
    )
    vsDecodeMemory.push(
      perFrame(decodeMemory, 'wall') / perFrame(bareAfter, 'wall'),
    )
    ns.bareCpu?.push(perFrame(bareAfter, 'cpu'))
    ns.recordingCpu?.push(perFrame(recording, 'cpu'))
    ns.bare?.push(perFrame(bareAfter, 'wall'))
    ns.recording?.push(perFrame(recording, 'wall'))
    ns.decodeTape?.push(perFrame(decodeTape, 'wall'))
    ns.decodeMemory?.push(perFrame(decodeMemory, 'wall'))
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`
console.log(
  `tape of ${total} frames (mixed corpus x${REPEAT}), ${rounds} rounds, medians`,
)
console.log(
  `runtime replay, bare:        ${median(ns.bare ?? []).toFixed(0)} ns/frame (wall)`,
)
console.log(
  `runtime replay, recording:   ${median(ns.recording ?? []).toFixed(0)} ns/frame (wall)`,
)
console.log(
  `process CPU, bare / recording: ${median(ns.bareCpu ?? []).toFixed(0)} / ${median(ns.recordingCpu ?? []).toFixed(0)} ns/frame`,
)
console.log(
  `readTape + decodeMessage:    ${median(ns.decodeTape ?? []).toFixed(0)} ns/frame`,
)
console.log(
  `decodeMessage in memory:     ${median(ns.decodeMemory ?? []).toFixed(0)} ns/frame`,
)
console.log(
  `write overhead, process CPU: ${pct(median(overheadCpu))}  (per round: ${overheadCpu.map(pct).join(', ')})`,
)
console.log(`write overhead, main thread: ${pct(median(overheadWall))}`)
console.log(
  `replay speed vs readTape+decode: ${median(vsDecodeTape).toFixed(2)}x  (per round: ${vsDecodeTape.map((x) => x.toFixed(2)).join(', ')})`,
)
console.log(
  `replay speed vs in-memory decode: ${median(vsDecodeMemory).toFixed(2)}x`,
)
