import { spawn } from 'node:child_process'
import { join } from 'node:path'

const packageDir = join(import.meta.dirname, '..', '..')

/** What a stalled bot reported (one JSON line per event). */
export interface StalledBotReport {
  /** `lag`, `resync`, `connection`, `gap` events, in order. */
  readonly events: readonly { type: string; [key: string]: unknown }[]
  /** The book's stats when the bot finished. */
  readonly book: { verified: number; mismatches: number; state: string }
  readonly inSync: boolean
  /** Updates verified before the stall. */
  readonly verifiedBefore: number
}

/**
 * The bot, run in its own process so that stalling it does not stall the
 * gateway: behind the gateway it holds a book, then blocks its event loop
 * (reads nothing, as a busy or paused consumer would) for `stallMs`, then
 * runs on until its feed caught up (a `lag` event, or a reconnect) and 30 more updates
 * verified, and prints what it saw.
 */
const script = `
import { KrakenWebSocketAPI } from '@kraken-sockets/runtime'
import { natsTransport } from '@kraken-sockets/gateway'
let caughtUp = false
let stalled = false
const out = (line) => process.stdout.write(JSON.stringify(line) + '\\n')
const kraken = new KrakenWebSocketAPI({
  logger: false,
  transport: natsTransport({
    servers: process.env.NATS_URL,
    lagThreshold: 1_000,
    onLag: (event) => {
      if (event.state === 'caught-up') caughtUp = true
      out({ type: 'lag', ...event })
    },
    onResync: (subject, reason) => out({ type: 'resync', subject, reason }),
  }),
})
kraken.on('connection', (event) => {
  // A reconnect after the stall resyncs from the kept snapshot: caught up too.
  if (stalled && event.status === 'open') caughtUp = true
  out({ type: 'connection', status: event.status })
})
kraken.on('gap', (event) => out({ type: 'gap', source: event.source }))
void kraken.run([])
const book = await kraken.book('BTC/USD', { depth: 10 })
const wait = async (predicate) => { while (!predicate()) await new Promise((r) => setTimeout(r, 20)) }
await wait(() => book.stats().verified > 10)
const verifiedBefore = book.stats().verified
caughtUp = false
stalled = true
out({ type: 'stalling' })
const until = Date.now() + Number(process.env.STALL_MS)
while (Date.now() < until) {}
out({ type: 'resumed' })
await wait(() => caughtUp && book.inSync && book.stats().verified > verifiedBefore + 30)
out({ type: 'done', book: book.stats(), inSync: book.inSync, verifiedBefore })
await kraken.stop()
process.exit(0)
`

/** Runs the stalled bot against the gateway on `natsUrl`; rejects after `timeout` ms. */
export function runStalledBot(
  natsUrl: string,
  stallMs: number,
  timeout: number,
): Promise<StalledBotReport> {
  const child = spawn(
    join(packageDir, 'node_modules', '.bin', 'tsx'),
    [
      '--conditions=@kraken-sockets/source',
      '--input-type=module',
      '-e',
      script,
    ],
    {
      cwd: packageDir,
      env: { ...process.env, NATS_URL: natsUrl, STALL_MS: String(stallMs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the stalled bot did not finish:\n${stdout}\n${stderr}`))
    }, timeout)
    child.on('close', () => {
      clearTimeout(timer)
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { type: string })
      const done = lines.find((line) => line.type === 'done') as
        | (StalledBotReport & { type: string })
        | undefined
      if (done === undefined)
        return reject(
          new Error(`the stalled bot failed:\n${stdout}\n${stderr}`),
        )
      resolve({ ...done, events: lines.filter((line) => line.type !== 'done') })
    })
  })
}
