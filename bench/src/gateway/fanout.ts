/**
 * The gateway's fan-out and added latency, against a direct socket in the
 * same run. A local WebSocket server stands in for Kraken and streams ticker
 * frames for 10 symbols (the send time, in µs, written into `volume` with
 * exact digits); the gateway publishes them to a real `nats-server`, and
 * bare `@nats-io` subscribers read them. The baseline is a bare `ws` client
 * on the same server.
 *
 * 1. Fan-out: a burst of frames as fast as the server can send; frames/s
 *    delivered to each of 1 and 10 subscribers (and in total), next to the
 *    frames/s a direct socket reads.
 * 2. Latency: frames paced at a fixed rate; p50/p99 from send to receipt
 *    through the gateway and on the direct socket, and the difference.
 *
 * Run: cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/gateway/fanout.ts [frames] [rate]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { startGateway } from '@kraken-sockets/gateway'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { WebSocket, WebSocketServer } from 'ws'

const FRAMES = Number(
  process.argv[2] === undefined || Number.isNaN(Number(process.argv[2]))
    ? 50_000
    : process.argv[2],
)
const RATE = Number(process.argv[3] ?? 5_000)
const SYMBOLS = Array.from({ length: 10 }, (_, i) => `S${i}/USD`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function startNats(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort()
  const store = mkdtempSync(join(tmpdir(), 'bench-nats-'))
  const child: ChildProcess = spawn(
    process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server',
    ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  process.once('exit', () => child.kill('SIGKILL'))
  await new Promise<void>((resolve, reject) => {
    let log = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (log.includes('Server is ready')) resolve()
    })
    child.once('exit', () => reject(new Error(log)))
  })
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
      rmSync(store, { recursive: true, force: true })
    },
  }
}

const nowMicros = () =>
  Math.round((performance.timeOrigin + performance.now()) * 1000)

/** A Kraken stand-in: acks subscribes, then sends what `send` is given. */
async function startFakeKraken() {
  const port = await freePort()
  const server = new WebSocketServer({ host: '127.0.0.1', port })
  const sockets = new Set<WebSocket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as {
        method?: string
        req_id?: number
        params?: { channel?: string; symbol?: string[] }
      }
      const now = new Date().toISOString()
      if (frame.method === 'ping')
        socket.send(
          JSON.stringify({
            method: 'pong',
            req_id: frame.req_id,
            time_in: now,
            time_out: now,
          }),
        )
      if (frame.method === 'subscribe')
        for (const symbol of frame.params?.symbol ?? [])
          socket.send(
            JSON.stringify({
              method: 'subscribe',
              req_id: frame.req_id,
              success: true,
              result: {
                channel: frame.params?.channel,
                symbol,
                snapshot: true,
              },
              time_in: now,
              time_out: now,
            }),
          )
    })
  })
  await new Promise((resolve) => server.once('listening', resolve))
  let n = 0
  const frame = () => {
    const symbol = SYMBOLS[n++ % SYMBOLS.length]
    return `{"channel":"ticker","type":"update","data":[{"symbol":"${symbol}","bid":26500.1,"bid_qty":0.50000000,"ask":26500.2,"ask_qty":1.25000000,"last":26500.1,"volume":${nowMicros()},"vwap":26480.5,"low":26000.0,"high":27000.0,"change":100.0,"change_pct":0.38}]}`
  }
  return {
    url: `ws://127.0.0.1:${port}/v2`,
    /** Sends `count` frames to every socket, in chunks that yield to I/O. */
    async burst(count: number) {
      for (let sent = 0; sent < count; ) {
        const chunk = Math.min(500, count - sent)
        for (let i = 0; i < chunk; i++) {
          const text = frame()
          for (const socket of sockets) socket.send(text)
        }
        sent += chunk
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
    /** Sends `count` frames at `rate` per second. */
    async paced(count: number, rate: number) {
      const started = performance.now()
      for (let sent = 0; sent < count; ) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate)
        while (sent < Math.min(due, count)) {
          const text = frame()
          for (const socket of sockets) socket.send(text)
          sent++
        }
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate()
        server.close(() => resolve())
      }),
  }
}

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

/** Role `kraken`: the fake Kraken in its own process; commands on stdin. */
async function krakenRole() {
  const kraken = await startFakeKraken()
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

/** Role `subscribers`: `n` bare NATS subscribers in their own process. */
async function subscribersRole(url: string, n: number) {
  const subscribers: { nc: NatsConnection; r: ReturnType<typeof receiver> }[] =
    []
  let latency = false
  for (let i = 0; i < n; i++) {
    const nc = await connect({ servers: url })
    const r = receiver()
    nc.subscribe('kraken.spot.ticker.>', {
      callback: (_error, msg) => r.onText(msg.string(), latency && i === 0),
    })
    await nc.flush()
    subscribers.push({ nc, r })
  }
  console.log('ready')
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, a] = line.split(' ')
    if (command === 'reset') {
      for (const s of subscribers) s.r.reset()
      latency = a === 'latency'
      console.log('done')
    }
    if (command === 'report') {
      const first = subscribers[0]?.r
      console.log(
        `report ${JSON.stringify({
          counts: subscribers.map((s) => s.r.count),
          last: Math.max(...subscribers.map((s) => s.r.lastEpochMs)),
          latencies: first?.latencies ?? [],
        })}`,
      )
    }
    if (command === 'close') {
      for (const s of subscribers) await s.nc.close()
      process.exit(0)
    }
  }
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

async function main() {
  const nats = await startNats()
  const kraken = child('kraken')
  const krakenUrl = (await kraken.next()).replace(/^url /, '')
  const gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory', maxBytes: 512 * 1024 ** 2 },
    kraken: { publicUrl: krakenUrl, logger: false },
    subscribe: [
      { method: 'subscribe', params: { channel: 'ticker', symbol: SYMBOLS } },
    ],
  })
  const direct = receiver()
  const ws = new WebSocket(krakenUrl)
  await new Promise((resolve) => ws.once('open', resolve))
  let directLatency = false
  ws.on('message', (data) => direct.onText(String(data), directLatency))
  await kraken.ask('burst 1000') // warm-up
  await new Promise((resolve) => setTimeout(resolve, 500))

  const results: Record<string, unknown> = {}
  for (const consumers of [1, 10]) {
    const subs = child('subscribers', nats.url, String(consumers))
    await subs.next()
    direct.reset()
    const started = Date.now()
    await kraken.ask(`burst ${FRAMES}`)
    const deadline = Date.now() + 120_000
    let report: { counts: number[]; last: number; latencies: number[] }
    for (;;) {
      report = JSON.parse((await subs.ask('report')).replace(/^report /, ''))
      const complete =
        direct.count >= FRAMES && report.counts.every((c) => c >= FRAMES)
      if (complete || Date.now() > deadline) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    subs.tell('close')
    const directRate = FRAMES / ((direct.lastEpochMs - started) / 1000)
    const perConsumer = FRAMES / ((report.last - started) / 1000)
    results[`fanout_${consumers}`] = {
      frames: FRAMES,
      consumers,
      delivered: report.counts,
      gatewayFramesPerSecondPerConsumer: Math.round(perConsumer),
      gatewayFramesPerSecondTotal: Math.round(perConsumer * consumers),
      directFramesPerSecond: Math.round(directRate),
      ratioToDirect: Number((perConsumer / directRate).toFixed(3)),
    }
  }

  const subs = child('subscribers', nats.url, '1')
  await subs.next()
  await subs.ask('reset latency')
  direct.reset()
  directLatency = true
  const latencyFrames = RATE * 3
  await kraken.ask(`paced ${latencyFrames} ${RATE}`)
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const report = JSON.parse(
    (await subs.ask('report')).replace(/^report /, ''),
  ) as {
    latencies: number[]
  }
  subs.tell('close')
  const g = [...report.latencies].sort((a, b) => a - b)
  const d = [...direct.latencies].sort((a, b) => a - b)
  results.latency = {
    rate: RATE,
    frames: latencyFrames,
    gatewayP50us: percentile(g, 50),
    gatewayP99us: percentile(g, 99),
    directP50us: percentile(d, 50),
    directP99us: percentile(d, 99),
    addedP50us: percentile(g, 50) - percentile(d, 50),
    addedP99us: percentile(g, 99) - percentile(d, 99),
  }
  console.log(JSON.stringify(results, null, 2))

  ws.close()
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
      : main()
run.catch((error) => {
  console.error(error)
  process.exit(1)
})
