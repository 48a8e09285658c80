import { expect, test } from 'vitest'
import { SimulatorClosedError } from './errors.js'
import { startSimulator } from './startSimulator.js'
import { connect } from './testing/client.js'
import { connectPrivate } from './testing/private.js'

const handles = () => {
  const counts = new Map<string, number>()
  for (const name of process.getActiveResourcesInfo())
    counts.set(name, (counts.get(name) ?? 0) + 1)
  return counts
}

test('default', async () => {
  const before = handles()
  const lines: string[] = []
  const simulator = await startSimulator({
    rate: 500,
    heartbeatInterval: 5,
    record: { write: (line) => lines.push(line) },
  })
  const client = await connect(simulator.publicUrl)
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  await client.next((f) => f.includes('"channel":"heartbeat"'))
  // The private side: a subscription, a resting order, an armed dead man's switch.
  const priv = await connectPrivate(simulator)
  await priv.request('subscribe', { channel: 'executions' }, 11)
  await priv.request(
    'add_order',
    {
      order_type: 'limit',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: 0.01,
      limit_price: 1_000,
    },
    12,
  )
  const armed = await priv.request(
    'cancel_all_orders_after',
    { timeout: 60 },
    13,
  )
  expect(armed.response.success).toBe(true)
  simulator.inject({ type: 'delayAcks', ms: 60_000 })
  client.send({ method: 'ping', req_id: 1 })
  await simulator.waitForRequest({ reqId: 1 })
  const waiting = simulator
    .waitForRequest({ method: 'never' })
    .catch((error: unknown) => error)
  // Market steps, heartbeats, the delayed ack and the dead man's switch.
  expect(simulator.activeTimers).toBe(4)
  await simulator.close()
  expect(await waiting).toBeInstanceOf(SimulatorClosedError)
  expect((await client.closed).code).toBe(1006)
  expect((await priv.closed).code).toBe(1006)
  const recorded = lines.length
  expect(recorded).toBeGreaterThan(0)
  expect(simulator.activeTimers).toBe(0)
  expect(simulator.stats.openConnections).toBe(0)
  const after = handles()
  for (const name of ['Timeout', 'TCPServerWrap', 'TCPSocketWrap'])
    expect(after.get(name) ?? 0).toBeLessThanOrEqual(before.get(name) ?? 0)
  await simulator.close()
  expect(lines).toHaveLength(recorded)
})
