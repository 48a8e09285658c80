/**
 * Server-Sent Events fan-out of the desk: N clients on GET /events, in
 * separate processes (`sseClients.ts`), while events are pushed into the
 * desk's log at a fixed rate. Reports per client count the fewest events a
 * client received, how many clients were cut off, and the delivery delay
 * (push to arrival) p50 / p99; 1 client is the baseline, measured in the
 * same run.
 *
 *   pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/desk/sseFanOut.ts [clients,...] [eventsPerSecond] [seconds] [clientProcesses]
 *
 * e.g. `src/desk/sseFanOut.ts 1,10,100 5000 5 4`.
 */
import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrCreateTokens, startDesk } from '@kraken-sockets/desk'
import {
  DEFAULT_TEST_CREDENTIALS,
  startSimulator,
} from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'

const counts = (process.argv[2] ?? '1,10,100').split(',').map(Number)
const rate = Number(process.argv[3] ?? 5_000)
const seconds = Number(process.argv[4] ?? 5)
const processes = Number(process.argv[5] ?? 4)

// rate 0: the simulator publishes no market data, so only the pushed events flow.
const simulator = await startSimulator({ seed: 3, rate: 0 })
const folder = await mkdtemp(join(tmpdir(), 'desk-sse-bench-'))
const tokenFile = join(folder, 'tokens.json')
const running = await startDesk({
  port: 0,
  tokenFile,
  replayCapacity: 10_000,
  balances: false,
  kraken: {
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
    privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
    WebSocket,
    logger: false,
  },
})
const { read } = await loadOrCreateTokens(tokenFile)
const epochNow = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Width (ms) of the clients' delay histogram buckets. */
const BUCKET_MS = 0.05

type Result = {
  counts: number[]
  /** Delay histogram: [bucket, count], bucket = floor(delay / BUCKET_MS). */
  buckets: [number, number][]
  cpuMs: number
}

/** The delay (ms) at quantile `p` of merged histograms (bucket middles). */
function quantile(buckets: [number, number][], p: number): number {
  const merged = new Map<number, number>()
  for (const [bucket, count] of buckets)
    merged.set(bucket, (merged.get(bucket) ?? 0) + count)
  const sorted = [...merged].sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((sum, [, count]) => sum + count, 0)
  let seen = 0
  for (const [bucket, count] of sorted) {
    seen += count
    if (seen >= p * total) return (bucket + 0.5) * BUCKET_MS
  }
  return Number.NaN
}

/** Starts one client process with `clients` streams; resolves once they are open. */
async function clientProcess(clients: number) {
  const child = fork(join(import.meta.dirname, 'sseClients.ts'), [], {
    execArgv: ['--import', 'tsx'],
  })
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T))
      child.once('exit', (code) => reject(new Error(`clients exited ${code}`)))
    })
  const ready = next<{ ready: true }>()
  child.send({ url: running.url, token: read, clients, bucketMs: BUCKET_MS })
  await ready
  return async () => {
    const done = next<Result>()
    child.send({ stop: true })
    return done
  }
}

async function run(clients: number) {
  // Like real clients, spread over processes (at most `processes`), so that
  // one process's parsing is not what is measured.
  const spread = Math.min(processes, clients)
  const stops = await Promise.all(
    Array.from({ length: spread }, (_, i) =>
      clientProcess(
        Math.floor(clients / spread) + (i < clients % spread ? 1 : 0),
      ),
    ),
  )
  await sleep(500)
  const cpu = process.cpuUsage()
  const total = rate * seconds
  let pushed = 0
  const started = performance.now()
  while (pushed < total) {
    const due = Math.min(
      total,
      Math.floor(((performance.now() - started) / 1000) * rate),
    )
    while (pushed < due) {
      // `alert` kind: the simulator publishes none, so only these are counted.
      running.desk.events.push('alert', { sent: epochNow(), n: pushed })
      pushed += 1
    }
    await sleep(1)
  }
  await sleep(1_000)
  const used = process.cpuUsage(cpu)
  const parts = await Promise.all(stops.map((stop) => stop()))
  const result: Result = {
    counts: parts.flatMap((part) => part.counts),
    buckets: parts.flatMap((part) => part.buckets),
    cpuMs: parts.reduce((sum, part) => sum + part.cpuMs, 0),
  }
  const q = (p: number) => quantile(result.buckets, p)
  return {
    clients,
    pushed,
    fewest: Math.min(...result.counts),
    cutOff: result.counts.filter((count) => count < pushed).length,
    p50: q(0.5),
    p99: q(0.99),
    serverCpu: (used.user + used.system) / 1000 / (seconds + 1),
    clientCpu: result.cpuMs / (seconds + 1.5),
  }
}

const results = []
for (const clients of counts) results.push(await run(clients))
const base = results[0]
for (const r of results) {
  console.log(
    `${r.clients} client(s): ${r.pushed} events at ${rate}/s; fewest received ${r.fewest} (${r.cutOff} short); delay p50 ${r.p50.toFixed(2)} ms (${(r.p50 / (base?.p50 ?? 1)).toFixed(1)}x), p99 ${r.p99.toFixed(2)} ms (${(r.p99 / (base?.p99 ?? 1)).toFixed(1)}x); CPU ms/s server ${r.serverCpu.toFixed(0)}, clients ${r.clientCpu.toFixed(0)}`,
  )
}
console.log(
  `node ${process.version}; clients in up to ${processes} separate processes; CPU is per second of the run`,
)
await running.close()
await simulator.close()
await rm(folder, { recursive: true, force: true })
