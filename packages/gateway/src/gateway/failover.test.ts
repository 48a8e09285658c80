import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { KrakenWebSocketAPI } from '@kraken-sockets/runtime'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterEach, expect, test } from 'vitest'
import { natsTransport } from '../client/natsTransport.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { createPlainBookCheck } from '../testing/plainBooks.js'
import { until } from '../testing/until.js'
import { type Gateway, startGateway } from './startGateway.js'

const packageDir = join(import.meta.dirname, '..', '..')
const BOOK =
  '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}'

let nats: TestNatsServer | undefined
let simulator: Simulator | undefined
let plain: NatsConnection | undefined
let standby: Gateway | undefined
let bot: KrakenWebSocketAPI | undefined
const children: ReturnType<typeof spawn>[] = []

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL')
  await bot?.stop()
  await standby?.stop()
  await plain?.close()
  await simulator?.close()
  await nats?.stop()
})

test('behavior: when the owning gateway is killed, the standby takes the lease, resubscribes and publishes a new epoch', async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 9, rate: 300 })
  plain = await connect({ servers: nats.url })
  const { check, add } = createPlainBookCheck('BTC/USD', 10)
  plain.subscribe('kraken.spot.book.BTC_USD', {
    callback: (_error, msg) =>
      add(
        msg.headers?.get('KS-Kind') ?? '',
        Number(msg.headers?.get('KS-Epoch')),
        Number(msg.headers?.get('KS-Seq')),
        msg.string(),
      ),
  })
  await plain.flush()

  // The owner: the CLI in its own process, killed without a chance to clean up.
  // `node --import tsx` (not the tsx binary, a wrapper): SIGKILL reaches the gateway itself.
  const owner = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@kraken-sockets/source',
      'src/cli.ts',
      '--nats',
      nats.url,
      '--storage',
      'memory',
      '--lease-ttl',
      '1500',
      '--subscribe',
      BOOK,
    ],
    {
      cwd: packageDir,
      env: { ...process.env, KRAKEN_WS_PUBLIC_URL: simulator.publicUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(owner)
  let ownerLog = ''
  owner.stdout?.on('data', (chunk: Buffer) => {
    ownerLog += chunk
  })
  owner.stderr?.on('data', (chunk: Buffer) => {
    ownerLog += chunk
  })
  await until(() => check.verified > 10, 60_000, 'the owner publishing')

  standby = await startGateway({
    servers: nats.url,
    leases: { ttl: 1_500 },
    subscribe: [BOOK],
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  expect(standby.stats().leases).toEqual([])

  bot = new KrakenWebSocketAPI({
    logger: false,
    transport: natsTransport({ servers: nats.url }),
  })
  void bot.run([])
  const book = await bot.book('BTC/USD', { depth: 10 })
  await until(() => book.stats().verified > 5, 30_000, 'the bot in sync')

  const epochsBefore = check.epochs.length
  const killedAt = Date.now()
  owner.kill('SIGKILL')
  await until(
    () => check.epochs.length > epochsBefore && check.verified > 0,
    30_000,
    'a new epoch',
  ).catch((error: Error) => {
    throw new Error(
      `${error.message}\nowner's output:\n${ownerLog}\nstandby: ${JSON.stringify(standby?.stats())}`,
    )
  })
  const failover = Date.now() - killedAt
  expect(standby.stats().leases).toEqual(['book.BTC_USD'])
  const before = book.stats().verified
  await until(
    () => book.stats().verified > before + 20,
    30_000,
    'the bot verifying again',
  )
  expect(check.failed).toBe(0)
  expect(book.stats().mismatches).toBe(0)
  // TTL 1.5 s; the server expires keys on its own schedule (within two TTLs).
  expect(failover).toBeLessThan(15_000)
}, 120_000)
