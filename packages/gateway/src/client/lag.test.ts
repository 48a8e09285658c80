import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'
import { type Gateway, startGateway } from '../gateway/startGateway.js'
import { startNatsServer, type TestNatsServer } from '../testing/natsServer.js'
import { runStalledBot } from '../testing/stalledBot.js'

let nats: TestNatsServer | undefined
let simulator: Simulator | undefined
let gateway: Gateway | undefined

afterEach(async () => {
  await gateway?.stop()
  await simulator?.close()
  await nats?.stop()
})

/**
 * A bot that stops reading for 4 s (its event loop blocked) while the
 * gateway keeps publishing: its feed falls behind on the stream, reports
 * `lag` (`behind`, then `caught-up`) and loses nothing. The 30 s stall of
 * the issue is `slow/stall.test.ts`: it outlasts the server's write
 * deadline, so there the server cuts the connection and the bot resyncs.
 */
test('behavior: a bot that stops reading reports lag, catches up and loses nothing', async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 13, rate: 1_000 })
  gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    subscribe: [
      '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}',
    ],
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  const report = await runStalledBot(nats.url, 4_000, 120_000)
  const types = report.events.map((event) => event.type)
  const stalled = types.indexOf('resumed')
  const lag = report.events.filter((event) => event.type === 'lag')
  expect(lag.map((event) => event.state)).toEqual(['behind', 'caught-up'])
  expect(types.indexOf('lag')).toBeGreaterThan(stalled)
  expect(Number(lag[0]?.lagMs)).toBeGreaterThanOrEqual(1_000)
  // Nothing was lost: no resync, no reconnect, no gap, every checksum held.
  expect(types).not.toContain('resync')
  expect(types).not.toContain('gap')
  expect(report.book.mismatches).toBe(0)
  expect(report.inSync).toBe(true)
}, 150_000)
