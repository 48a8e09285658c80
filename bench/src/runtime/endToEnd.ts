/**
 * The runtime end to end, against a bare `ws` client that only `JSON.parse`s,
 * both fed the `mixed` corpus (10 000 real frames) over loopback by a server
 * in a child process, one client after the other, alternating:
 *
 * 1. CPU time per frame of the client process (`process.cpuUsage`), the
 *    simulator's replay mode streaming as fast as the client reads;
 * 2. dispatch latency from the socket's message event to handler entry (a
 *    `perf_hooks` histogram), frames paced at a fixed rate.
 *
 * Run: pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/runtime/endToEnd.ts [rounds] [rate]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import {
  KrakenWebSocketAPI,
  Response,
  TickerSubscriptionRequest,
} from '@kraken-sockets/runtime'
import { WebSocket } from 'ws'
import { loadCorpus } from '../runner/corpus.js'

const ROUNDS = Number(process.argv[2] ?? 5)
const RATE = Number(process.argv[3] ?? 10_000)
const REPEAT = 3
const PACED_SECONDS = 3
const CORPUS_FRAMES = loadCorpus('mixed').length

type Client = 'bare' | 'runtime'

/** Starts a server child; resolves with its URL and a stopper. */
async function startServer(args: string[]) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...process.execArgv,
      new URL('./servers.ts', import.meta.url).pathname,
      ...args,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const lines = createInterface({
    input: child.stdout as NodeJS.ReadableStream,
  })
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) =>
      resolve((JSON.parse(line) as { url: string }).url),
    )
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)))
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.stdin?.end()
      }),
  }
}

/** When the current message event began (set by {@link StampedWebSocket}). */
let messageAt = 0
let frames = 0

const onmessage = Object.getOwnPropertyDescriptor(
  WebSocket.prototype,
  'onmessage',
)

/** `ws` with a stamp at the start of each message event the runtime's transport gets. */
class StampedWebSocket extends WebSocket {
  constructor(url: string) {
    super(url)
    // The transport assigns `onmessage`: wrap whatever it assigns.
    Object.defineProperty(this, 'onmessage', {
      configurable: true,
      get: () => onmessage?.get?.call(this),
      set: (handler: ((event: unknown) => void) | null) => {
        onmessage?.set?.call(
          this,
          handler === null
            ? null
            : (event: unknown) => {
                messageAt = performance.now()
                frames++
                handler(event)
              },
        )
      },
    })
  }
}

/**
 * Connects a client, subscribes (which starts the server's stream) and
 * resolves once `expected` frames arrived. `onValue` is the handler.
 */
async function runClient(
  client: Client,
  url: string,
  expected: number,
  onValue: (value: unknown) => void,
): Promise<void> {
  frames = 0
  if (client === 'bare') {
    const socket = new WebSocket(url)
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        messageAt = performance.now()
        frames++
        onValue(JSON.parse(String(data)))
        if (frames >= expected) resolve()
      })
      socket.once('open', () =>
        socket.send(
          '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":1}',
        ),
      )
      socket.once('error', reject)
    })
    socket.terminate()
    return
  }
  const kraken = new KrakenWebSocketAPI({
    publicUrl: url,
    WebSocket: StampedWebSocket,
    logger: false,
    staleAfter: 60_000,
    reconnect: false,
  })
  await new Promise<void>((resolve) => {
    kraken.trigger(Response, (value) => {
      onValue(value)
      if (frames >= expected) resolve()
    })
    void kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
  })
  await kraken.stop()
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

let sink = 0
const consume = (value: unknown) => {
  if (value !== null && typeof value === 'object') sink++
}

async function cpuPerFrame(): Promise<Record<Client, number[]>> {
  const server = await startServer(['replay', String(REPEAT)])
  // The status frame and the subscribe ack come before the replay.
  const expected = CORPUS_FRAMES * REPEAT + 2
  const results: Record<Client, number[]> = { bare: [], runtime: [] }
  try {
    for (const client of ['bare', 'runtime'] as const) {
      await runClient(client, server.url, expected, consume) // warm-up
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order: Client[] =
        round % 2 === 0 ? ['bare', 'runtime'] : ['runtime', 'bare']
      for (const client of order) {
        const before = process.cpuUsage()
        await runClient(client, server.url, expected, consume)
        const used = process.cpuUsage(before)
        results[client].push(((used.user + used.system) * 1000) / expected)
      }
    }
  } finally {
    await server.stop()
  }
  return results
}

async function latency(): Promise<Record<Client, RecordableHistogram>> {
  const total = Math.round(RATE * PACED_SECONDS)
  const histograms: Record<Client, RecordableHistogram> = {
    bare: createHistogram(),
    runtime: createHistogram(),
  }
  for (const client of ['bare', 'runtime', 'runtime', 'bare'] as const) {
    const server = await startServer([
      'paced',
      '1',
      String(RATE),
      String(PACED_SECONDS),
    ])
    const histogram = histograms[client]
    try {
      // +1: the subscribe ack (the bare client gets no status frame here).
      await runClient(client, server.url, total + 1, (value) => {
        const ns = Math.round((performance.now() - messageAt) * 1e6)
        histogram.record(Math.max(1, ns))
        consume(value)
      })
    } finally {
      await server.stop()
    }
  }
  return histograms
}

const cpu = await cpuPerFrame()
const bareCpu = median(cpu.bare)
const runtimeCpu = median(cpu.runtime)
console.log(
  `CPU per frame (mixed corpus x${REPEAT}, ${ROUNDS} rounds, median): bare ${bareCpu.toFixed(0)} ns, runtime ${runtimeCpu.toFixed(0)} ns, ratio ${(runtimeCpu / bareCpu).toFixed(2)}x`,
)
console.log(`  bare rounds:    ${cpu.bare.map((v) => v.toFixed(0)).join(', ')}`)
console.log(
  `  runtime rounds: ${cpu.runtime.map((v) => v.toFixed(0)).join(', ')}`,
)
const histograms = await latency()
const ms = (ns: number) => (ns / 1e6).toFixed(3)
for (const client of ['bare', 'runtime'] as const) {
  const h = histograms[client]
  console.log(
    `latency ${client.padEnd(7)} at ${RATE}/s (${h.count} values): p50 ${ms(h.percentile(50))} ms, p99 ${ms(h.percentile(99))} ms, p99.9 ${ms(h.percentile(99.9))} ms, max ${ms(h.max)} ms`,
  )
}
console.log(
  `p99 difference runtime - bare: ${ms(histograms.runtime.percentile(99) - histograms.bare.percentile(99))} ms (node ${process.version}, checksum ${sink})`,
)
