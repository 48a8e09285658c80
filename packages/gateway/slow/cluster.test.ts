/**
 * Fail-over on a three-node JetStream cluster (loopback ports, R3 stream and
 * lease bucket): the owning gateway is killed and the standby takes over;
 * then the node leading the stream is killed and every consumer continues.
 * Slow (cluster start, two fail-overs): run by `pnpm test:slow`, not the fast suite.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { KrakenWebSocketAPI } from '@kraken-sockets/runtime'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterEach, expect, test } from 'vitest'
import { natsTransport } from '../src/client/natsTransport.js'
import { type Gateway, startGateway } from '../src/gateway/startGateway.js'
import {
  startNatsCluster,
  type TestNatsCluster,
} from '../src/testing/natsCluster.js'
import { createPlainBookCheck } from '../src/testing/plainBooks.js'
import { until } from '../src/testing/until.js'

const packageDir = join(import.meta.dirname, '..')
const BOOK =
  '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}'

let cluster: TestNatsCluster | undefined
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
  await cluster?.stop()
})

test('behavior: on a three-node cluster, a killed owner fails over and a killed node is survived', async () => {
  cluster = await startNatsCluster(3)
  const urls = cluster.urls
  simulator = await startSimulator({ seed: 21, rate: 200 })
  const reconnecting = {
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
  }
  plain = await connect({ servers: [...urls], ...reconnecting })
  const { check, add } = createPlainBookCheck('BTC/USD', 10)
  let received = 0
  plain.subscribe('kraken.spot.book.BTC_USD', {
    callback: (_error, msg) => {
      received++
      add(
        msg.headers?.get('KS-Kind') ?? '',
        Number(msg.headers?.get('KS-Epoch')),
        Number(msg.headers?.get('KS-Seq')),
        msg.string(),
      )
    },
  })
  await plain.flush()

  // The owner: the CLI in its own process, R3 stream and lease bucket.
  const owner = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@kraken-sockets/source',
      'src/cli.ts',
      ...urls.flatMap((url) => ['--nats', url]),
      '--storage',
      'memory',
      '--replicas',
      '3',
      '--lease-ttl',
      '2000',
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
  await until(() => check.verified > 10, 90_000, 'the owner publishing').catch(
    (error: Error) => {
      throw new Error(`${error.message}\nowner's output:\n${ownerLog}`)
    },
  )

  standby = await startGateway({
    servers: [...urls],
    leases: { ttl: 2_000, replicas: 3 },
    retention: { storage: 'memory', replicas: 3 },
    subscribe: [BOOK],
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  expect(standby.stats().leases).toEqual([])

  const resyncs: string[] = []
  bot = new KrakenWebSocketAPI({
    logger: false,
    transport: natsTransport({
      servers: [...urls],
      requestTimeout: 30_000,
      onResync: (subject, reason) => resyncs.push(`${subject}: ${reason}`),
    }),
  })
  const events: string[] = []
  bot.on('connection', (event) => {
    events.push(`conn ${JSON.stringify(event).slice(0, 120)}`)
  })
  bot.on('book', (event) => {
    events.push(`book ${JSON.stringify(event).slice(0, 120)}`)
  })
  bot.on('error', (event) => {
    events.push(
      `error ${String((event as { error?: unknown }).error ?? JSON.stringify(event)).slice(0, 200)}`,
    )
  })
  void bot.run([])
  const book = await bot.book('BTC/USD', { depth: 10 })
  await until(() => book.stats().verified > 5, 60_000, 'the bot in sync')

  // 1. The owner dies without cleaning up: the standby takes the lease.
  const epochsBefore = check.epochs.length
  owner.kill('SIGKILL')
  await until(
    () => check.epochs.length > epochsBefore && check.verified > 0,
    60_000,
    'a new epoch from the standby',
  )
  expect(standby.stats().leases).toEqual(['book.BTC_USD'])
  let verified = book.stats().verified
  await until(
    () => book.stats().verified > verified + 20,
    60_000,
    'the bot verifying after the gateway fail-over',
  )

  // 2. The node leading the stream dies: R3 keeps the stream, clients move.
  const jsm = await jetstreamManager(plain)
  const leader = (await jsm.streams.info('KRAKEN_SPOT')).cluster?.leader
  const victim = cluster.nodes.find((node) => node.name === leader)
  expect(victim).toBeDefined()
  await victim?.kill()
  // The plain subscriber is core NATS: if its own node died it missed
  // messages and waits for the next epoch's snapshot (it does not read the
  // kept one), so it is asked only to keep receiving, and never to fail.
  const receivedBefore = received
  verified = book.stats().verified
  await until(
    () => received > receivedBefore + 20,
    60_000,
    'the plain subscriber receiving after the node died',
  )
  await until(
    () => book.stats().verified > verified + 20,
    60_000,
    'the bot verifying after the node died',
  ).catch(async (error: Error) => {
    throw new Error(
      `${error.message}\nresyncs: ${resyncs.join('; ')}\nbook: ${JSON.stringify(book.stats())}\nbot: ${JSON.stringify(bot?.stats().connections)}\nevents: ${events.slice(-15).join('\n')}\nstream: ${JSON.stringify((await jsm.streams.info('KRAKEN_SPOT').catch((e) => ({ state: String(e) }))).state)}`,
    )
  })
  const info = await jsm.streams.info('KRAKEN_SPOT')
  expect(info.cluster?.leader).not.toBe(leader)
  expect(check.failed).toBe(0)
  expect(book.stats().mismatches).toBe(0)
  expect(book.inSync).toBe(true)
  // The standby still owns the symbol: the lease bucket survived the node too.
  expect(standby.stats().leases).toEqual(['book.BTC_USD'])
}, 300_000)
