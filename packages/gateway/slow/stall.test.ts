/**
 * The consumer that stops reading for 30 s (the fast suite's
 * `src/client/lag.test.ts` stalls 4 s). 30 s may outlast the server's write
 * deadline for a client that reads nothing, and then the server cuts the
 * connection: the bot reconnects and resyncs from the kept snapshot. Either
 * way the lag is an event (`lag`, or the connection and gap events), never
 * silence, and the book ends verified. Run by `pnpm test:slow`.
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'
import { type Gateway, startGateway } from '../src/gateway/startGateway.js'
import {
  startNatsServer,
  type TestNatsServer,
} from '../src/testing/natsServer.js'
import { runStalledBot } from '../src/testing/stalledBot.js'

let nats: TestNatsServer | undefined
let simulator: Simulator | undefined
let gateway: Gateway | undefined

afterEach(async () => {
  await gateway?.stop()
  await simulator?.close()
  await nats?.stop()
})

test('behavior: a bot that stops reading for 30 s reports it and ends in sync', async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 17, rate: 1_000 })
  gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    subscribe: [
      '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}',
    ],
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  const report = await runStalledBot(nats.url, 30_000, 240_000)
  const after = report.events.slice(
    report.events.findIndex((event) => event.type === 'resumed'),
  )
  const explicit = after.filter(
    (event) =>
      (event.type === 'lag' && event.state === 'behind') ||
      event.type === 'resync' ||
      event.type === 'gap' ||
      (event.type === 'connection' && event.status === 'reconnecting'),
  )
  expect(explicit.length, JSON.stringify(report.events)).toBeGreaterThan(0)
  expect(report.book.mismatches).toBe(0)
  expect(report.inSync).toBe(true)
}, 300_000)
