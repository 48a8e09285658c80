/**
 * The gateway's fan-out and added latency, against a direct socket in the
 * same run. A raw `ws` server stands in for Kraken (`fastKraken.ts`: it
 * sends pre-built ticker frames for 10 symbols, fast enough that the
 * gateway, not the source, is the limit); the gateway publishes them to a
 * real `nats-server`, and bare `@nats-io` subscribers (not our transport)
 * read them. The baseline is a bare `ws` client on the same server, in its
 * own process like the subscribers.
 *
 * 1. Fan-out: a burst of frames as fast as the source can send; frames/s
 *    delivered to each of 1, 10 and 50 subscribers (and in total), next to
 *    the frames/s the direct socket reads.
 * 2. Latency: frames paced at a fixed rate (default 10,000/s); p50/p99 from
 *    send to receipt through the gateway and on the direct socket, and the
 *    difference.
 *
 * Run: cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/gateway/fanout.ts [frames] [rate]
 */
import { spawn } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { createInterface } from 'node:readline'
import { startGateway } from '@kraken-sockets/gateway'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { WebSocket } from 'ws'
import { nowMicros, SYMBOLS, startFastKraken } from './fastKraken.js'
import { startNats } from './natsServer.js'

const FRAMES = Number(
  process.argv[2] === undefined || Number.isNaN(Number(process.argv[2]))
    ? 100_000
    : process.argv[2],
)
const RATE = Number(process.argv[3] ?? 10_000)
/** Most subscribers in one child process (each is its own NATS connection). */
const PER_PROCESS = 25

function percentile(sorted: number[], p: number): number {
  return (
    sorted[
      Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
    ] ?? Number.NaN
  )
}

/** A receiver: counts frames and records send→receive latency (µs). */
function receiver() {
  const latencies: number[] = []
  let count = 0
  let lastEpochMs = 0
  return {
    onText(text: string, recordLatency: boolean) {
      count++
      lastEpochMs = Date.now()
      if (recordLatency) {
        const match = /"volume":(\d+)/.exec(text)
        if (match) latencies.push(nowMicros() - Number(match[1]))
      }
    },
    get count() {
      return count
    },
    get lastEpochMs() {
      return lastEpochMs
    },
    latencies,
    reset() {
      count = 0
      latencies.length = 0
    },
  }
}

/** Role `kraken`: the fast Kraken stand-in in its own process; commands on stdin. */
async function krakenRole() {
  const kraken = await startFastKraken()
  console.log(`url ${kraken.url}`)
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, a, b] = line.split(' ')
    if (command === 'burst') await kraken.burst(Number(a))
    if (command === 'paced') await kraken.paced(Number(a), Number(b))
    if (command === 'close') {
      await kraken.close()
      process.exit(0)
    }
    console.log('done')
  }
}

interface Report {
  counts: number[]
  last: number
  latencies: number[]
}

/**
 * Serves `reset [latency]`, `report` and `close` on stdin for receivers;
 * the first one records latency when asked.
 */
async function serveReceivers(
  receivers: ReturnType<typeof receiver>[],
  setLatency: (on: boolean) => void,
  close: () => Promise<void>,
) {
  console.log('ready')
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, a] = line.split(' ')
    if (command === 'reset') {
      for (const r of receivers) r.reset()
      setLatency(a === 'latency')
      console.log('done')
    }
    if (command === 'report') {
      const report: Report = {
        counts: receivers.map((r) => r.count),
        last: Math.max(...receivers.map((r) => r.lastEpochMs)),
        latencies: receivers[0]?.latencies ?? [],
      }
      console.log(`report ${JSON.stringify(report)}`)
    }
    if (command === 'close') {
      await close()
      process.exit(0)
    }
  }
}

/**
 * Role `subscribers`: `n` bare NATS subscribers in one process. Only the
 * first decodes bodies (for latency); the others count messages.
 */
async function subscribersRole(url: string, n: number) {
  const connections: NatsConnection[] = []
  const receivers: ReturnType<typeof receiver>[] = []
  let latency = false
  for (let i = 0; i < n; i++) {
    const nc = await connect({ servers: url })
    const r = receiver()
    nc.subscribe('kraken.spot.ticker.>', {
      callback: (_error, msg) =>
        i === 0 && latency ? r.onText(msg.string(), true) : r.onText('', false),
    })
    await nc.flush()
    connections.push(nc)
    receivers.push(r)
  }
  await serveReceivers(
    receivers,
    (on) => {
      latency = on
    },
    async () => {
      for (const nc of connections) await nc.close()
    },
  )
}

/** Role `direct`: the baseline, a bare `ws` client on the stand-in. */
async function directRole(url: string) {
  const ws = new WebSocket(url)
  await new Promise((resolve) => ws.once('open', resolve))
  const r = receiver()
  let latency = false
  ws.on('message', (data) => r.onText(latency ? String(data) : '', latency))
  await serveReceivers(
    [r],
    (on) => {
      latency = on
    },
    async () => ws.close(),
  )
}

/** A child running this file in another role, spoken to line by line. */
function child(role: string, ...args: string[]) {
  const proc = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1] as string, role, ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  process.once('exit', () => proc.kill('SIGKILL'))
  const lines = createInterface({ input: proc.stdout })
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => waiting.shift()?.(line))
  return {
    next: () => new Promise<string>((resolve) => waiting.push(resolve)),
    async ask(command: string) {
      const reply = this.next()
      proc.stdin.write(`${command}\n`)
      return reply
    },
    tell(command: string) {
      proc.stdin.write(`${command}\n`)
    },
  }
}

type Child = ReturnType<typeof child>

const sum = (values: readonly number[]) =>
  values.reduce((total, value) => total + value, 0)

async function report(of: Child): Promise<Report> {
  return JSON.parse((await of.ask('report')).replace(/^report /, ''))
}

/** Subscribers in children of at most {@link PER_PROCESS} each. */
async function subscriberGroup(url: string, consumers: number) {
  const children: Child[] = []
  for (let left = consumers; left > 0; left -= PER_PROCESS) {
    const group = child('subscribers', url, String(Math.min(left, PER_PROCESS)))
    await group.next()
    children.push(group)
  }
  return {
    children,
    async report(): Promise<Report> {
      const reports = await Promise.all(children.map(report))
      return {
        counts: reports.flatMap((r) => r.counts),
        last: Math.max(...reports.map((r) => r.last)),
        latencies: reports[0]?.latencies ?? [],
      }
    },
    close() {
      for (const c of children) c.tell('close')
    },
  }
}

async function main() {
  const nats = await startNats()
  const kraken = child('kraken')
  const krakenUrl = (await kraken.next()).replace(/^url /, '')
  const gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory', maxBytes: 1024 ** 3 },
    kraken: { publicUrl: krakenUrl, logger: false },
    subscribe: [
      { method: 'subscribe', params: { channel: 'ticker', symbol: SYMBOLS } },
    ],
  })
  const direct = child('direct', krakenUrl)
  await direct.next()
  await kraken.ask('burst 5000') // warm-up
  await new Promise((resolve) => setTimeout(resolve, 1_000))

  const results: Record<string, unknown> = {}
  for (const consumers of [1, 10, 50]) {
    const subs = await subscriberGroup(nats.url, consumers)
    await direct.ask('reset')
    const started = Date.now()
    await kraken.ask(`burst ${FRAMES}`)
    // Until every frame arrived, or nothing arrived for 5 s (core NATS
    // drops messages for a subscriber that falls too far behind).
    let through: Report
    let baseline: Report
    let seen = -1
    let quietSince = Date.now()
    for (;;) {
      through = await subs.report()
      baseline = await report(direct)
      const total = sum(through.counts) + sum(baseline.counts)
      if (total !== seen) {
        seen = total
        quietSince = Date.now()
      }
      const complete =
        (baseline.counts[0] ?? 0) >= FRAMES &&
        through.counts.every((c) => c >= FRAMES)
      if (complete || Date.now() - quietSince > 5_000) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    subs.close()
    const seconds = (through.last - started) / 1000
    const delivered = sum(through.counts)
    const directRate =
      (baseline.counts[0] ?? 0) / ((baseline.last - started) / 1000)
    const perConsumer = delivered / consumers / seconds
    results[`fanout_${consumers}`] = {
      frames: FRAMES,
      consumers,
      deliveredMin: Math.min(...through.counts),
      droppedBySlowConsumerLimit: FRAMES * consumers - delivered,
      gatewayFramesPerSecondPerConsumer: Math.round(perConsumer),
      gatewayFramesPerSecondTotal: Math.round(delivered / seconds),
      directFramesPerSecond: Math.round(directRate),
      ratioToDirect: Number((perConsumer / directRate).toFixed(3)),
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }

  const subs = await subscriberGroup(nats.url, 1)
  await (subs.children[0] as Child).ask('reset latency')
  await direct.ask('reset latency')
  const latencyFrames = RATE * 5
  await kraken.ask(`paced ${latencyFrames} ${RATE}`)
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const g = [...(await subs.report()).latencies].sort((a, b) => a - b)
  const d = [...(await report(direct)).latencies].sort((a, b) => a - b)
  subs.close()
  results.latency = {
    rate: RATE,
    frames: latencyFrames,
    received: g.length,
    gatewayP50us: percentile(g, 50),
    gatewayP99us: percentile(g, 99),
    directP50us: percentile(d, 50),
    directP99us: percentile(d, 99),
    addedP50us: percentile(g, 50) - percentile(d, 50),
    addedP99us: percentile(g, 99) - percentile(d, 99),
  }
  results.publishErrors = gateway.stats().publishErrors
  results.loadAverage1m = Number(loadavg()[0]?.toFixed(1))
  results.cores = cpus().length
  console.log(JSON.stringify(results, null, 2))

  direct.tell('close')
  await gateway.stop()
  kraken.tell('close')
  await nats.stop()
  process.exit(0)
}

const role = process.argv[2]
const run =
  role === 'kraken'
    ? krakenRole()
    : role === 'subscribers'
      ? subscribersRole(process.argv[3] as string, Number(process.argv[4]))
      : role === 'direct'
        ? directRole(process.argv[3] as string)
        : main()
run.catch((error) => {
  console.error(error)
  process.exit(1)
})
