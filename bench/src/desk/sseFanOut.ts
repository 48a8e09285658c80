/**
 * Server-Sent Events fan-out of the desk: N local clients on GET /events
 * while events are pushed into the desk's log at a fixed rate. Reports per
 * run the events each client received and the delivery delay (push to
 * parse) p50 / p99, for 1 client (the baseline) and for N, in the same run.
 *
 *   pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/desk/sseFanOut.ts [clients] [eventsPerSecond] [seconds]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrCreateTokens, startDesk } from '@kraken-sockets/desk'
import {
  DEFAULT_TEST_CREDENTIALS,
  startSimulator,
} from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'

const clients = Number(process.argv[2] ?? 100)
const rate = Number(process.argv[3] ?? 5_000)
const seconds = Number(process.argv[4] ?? 3)

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

/** One client: counts `bench` events and records each one's delay. */
async function client(delays: number[], signal: AbortSignal): Promise<number> {
  const response = await fetch(`${running.url}/events?kinds=alert`, {
    headers: { Authorization: `Bearer ${read}` },
    signal,
  })
  const reader = response.body?.getReader()
  if (reader === undefined) throw new Error('no body')
  const decoder = new TextDecoder()
  let buffer = ''
  let count = 0
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = /^data: (.*)$/m.exec(frame)?.[1]
        if (data !== undefined && frame.includes('event: alert')) {
          const { sent } = JSON.parse(data) as { sent: number }
          delays.push(performance.now() - sent)
          count += 1
        }
        end = buffer.indexOf('\n\n')
      }
    }
  } catch {
    // Aborted at the end of the run.
  }
  return count
}

async function run(n: number) {
  const delays: number[] = []
  const abort = new AbortController()
  const counts = Array.from({ length: n }, () => client(delays, abort.signal))
  await new Promise((resolve) => setTimeout(resolve, 500))
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
      running.desk.events.push('alert', { sent: performance.now(), n: pushed })
      pushed += 1
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  abort.abort()
  const received = await Promise.all(counts)
  delays.sort((a, b) => a - b)
  const q = (p: number) =>
    delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ??
    Number.NaN
  const min = Math.min(...received)
  const starved = received.filter((count) => count === 0).length
  return { n, pushed, min, starved, p50: q(0.5), p99: q(0.99) }
}

const baseline = await run(1)
const fanOut = await run(clients)
for (const r of [baseline, fanOut]) {
  console.log(
    `${r.n} client(s): ${r.pushed} events at ${rate}/s; fewest received ${r.min} (${r.starved} clients got none); delay p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
  )
}
console.log(
  `delay ratio ${clients} clients / 1 client: p50 ${(fanOut.p50 / baseline.p50).toFixed(1)}x, p99 ${(fanOut.p99 / baseline.p99).toFixed(1)}x; node ${process.version}`,
)
await running.close()
await simulator.close()
await rm(folder, { recursive: true, force: true })
