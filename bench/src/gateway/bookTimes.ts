/**
 * Time to a verified book, for a late joiner and after a fail-over, with the
 * simulator standing in for Kraken and a real `nats-server`.
 *
 * 1. Late joiner: a gateway already serves BTC/USD at depth 10; a new bot
 *    (`KrakenWebSocketAPI` on `natsTransport`) asks for the book. Time from
 *    the bot's construction to its first verified book, next to the same for
 *    a bot on a direct socket to the simulator (the baseline), alternating,
 *    `rounds` times each.
 * 2. Fail-over: the owning gateway (the `kraken-gateway` CLI in its own
 *    process, lease TTL `ttl` ms) is SIGKILLed while a standby waits; time
 *    from the kill to the first snapshot of the new epoch on the book's
 *    subject, read by a bare NATS subscriber.
 *
 * Run: cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/gateway/bookTimes.ts [rounds] [ttl]
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { natsTransport, startGateway } from '@kraken-sockets/gateway'
import { KrakenWebSocketAPI } from '@kraken-sockets/runtime'
import { startSimulator } from '@kraken-sockets/simulator'
import { connect } from '@nats-io/transport-node'
import { startNats } from './natsServer.js'

const ROUNDS = Number(process.argv[2] ?? 5)
const TTL = Number(process.argv[3] ?? 1_500)
const SYMBOL = 'BTC/USD'
const BOOK = `{"method":"subscribe","params":{"channel":"book","symbol":["${SYMBOL}"],"depth":10}}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await sleep(5)
  }
}

/** ms from a new bot's construction to its first verified book. */
async function timeToVerifiedBook(
  options: ConstructorParameters<typeof KrakenWebSocketAPI>[0],
): Promise<number> {
  const started = performance.now()
  const bot = new KrakenWebSocketAPI({ logger: false, ...options })
  const running = bot.run([]).catch(() => undefined)
  const book = await bot.book(SYMBOL, { depth: 10 })
  await until(() => book.inSync && book.stats().verified > 0, 60_000, 'book')
  const ms = performance.now() - started
  await bot.stop()
  await running
  return ms
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function main() {
  const nats = await startNats()
  const simulator = await startSimulator({ seed: 5, rate: 200 })
  const results: Record<string, unknown> = {}

  // 1. Late joiner.
  const gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    subscribe: [BOOK],
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  await sleep(1_000)
  const behind: number[] = []
  const direct: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    behind.push(
      await timeToVerifiedBook({
        transport: natsTransport({ servers: nats.url }),
      }),
    )
    direct.push(
      await timeToVerifiedBook({
        publicUrl: simulator.publicUrl,
        restUrl: simulator.restUrl,
      }),
    )
  }
  await gateway.stop()
  results.lateJoiner = {
    rounds: ROUNDS,
    behindGatewayMs: behind.map(Math.round),
    directMs: direct.map(Math.round),
    behindGatewayMedianMs: Math.round(median(behind)),
    directMedianMs: Math.round(median(direct)),
    ratioToDirect: Number((median(behind) / median(direct)).toFixed(3)),
  }

  // 2. Fail-over: the owner in its own process, killed without cleanup.
  const plain = await connect({ servers: nats.url })
  let epoch = 0
  let newEpochSnapshotAt = 0
  plain.subscribe('kraken.spot.book.BTC_USD', {
    callback: (_error, msg) => {
      const kind = msg.headers?.get('KS-Kind')
      const e = Number(msg.headers?.get('KS-Epoch'))
      if (kind === 'snapshot' && e > epoch) {
        epoch = e
        newEpochSnapshotAt = performance.now()
      }
    },
  })
  await plain.flush()
  const gatewayDir = dirname(
    createRequire(import.meta.url).resolve(
      '@kraken-sockets/gateway/package.json',
    ),
  )
  const owner = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@kraken-sockets/source',
      join(gatewayDir, 'src', 'cli.ts'),
      '--nats',
      nats.url,
      '--storage',
      'memory',
      '--lease-ttl',
      String(TTL),
      '--subscribe',
      BOOK,
    ],
    {
      env: { ...process.env, KRAKEN_WS_PUBLIC_URL: simulator.publicUrl },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  process.once('exit', () => owner.kill('SIGKILL'))
  await until(() => epoch > 0, 60_000, 'the owner publishing')
  const standby = await startGateway({
    servers: nats.url,
    leases: { ttl: TTL },
    subscribe: [BOOK],
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  await sleep(2 * TTL)
  if (standby.stats().leases.length > 0)
    throw new Error('the standby took the lease while the owner was alive')
  const ownerEpoch = epoch
  const killedAt = performance.now()
  owner.kill('SIGKILL')
  await until(() => epoch > ownerEpoch, 60_000, 'the new epoch')
  results.failover = {
    leaseTtlMs: TTL,
    killToNewEpochSnapshotMs: Math.round(newEpochSnapshotAt - killedAt),
  }
  results.loadAverage1m = Number(loadavg()[0]?.toFixed(1))
  results.cores = cpus().length
  console.log(JSON.stringify(results, null, 2))

  await standby.stop()
  await plain.close()
  await simulator.close()
  await nats.stop()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
