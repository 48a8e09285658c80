import { expect, test } from 'vitest'
import { SimulatorClosedError } from './errors.js'
import { startSimulator } from './startSimulator.js'
import { connect } from './testing/client.js'

const handles = () => {
  const counts = new Map<string, number>()
  for (const name of process.getActiveResourcesInfo())
    counts.set(name, (counts.get(name) ?? 0) + 1)
  return counts
}

test('default', async () => {
  const before = handles()
  const simulator = await startSimulator({ rate: 500, heartbeatInterval: 5 })
  const client = await connect(simulator.publicUrl)
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  await client.next((f) => f.includes('"channel":"heartbeat"'))
  simulator.inject({ type: 'delayAcks', ms: 60_000 })
  client.send({ method: 'ping', req_id: 1 })
  await simulator.waitForRequest({ reqId: 1 })
  const waiting = simulator
    .waitForRequest({ method: 'never' })
    .catch((error: unknown) => error)
  expect(simulator.activeTimers).toBe(3)
  await simulator.close()
  expect(await waiting).toBeInstanceOf(SimulatorClosedError)
  expect((await client.closed).code).toBe(1006)
  expect(simulator.activeTimers).toBe(0)
  expect(simulator.stats.openConnections).toBe(0)
  const after = handles()
  for (const name of ['Timeout', 'TCPServerWrap', 'TCPSocketWrap'])
    expect(after.get(name) ?? 0).toBeLessThanOrEqual(before.get(name) ?? 0)
  await simulator.close()
})
