import { expect, test } from 'vitest'
import type { SimulatorOptions } from '../options.js'
import type { Simulator } from '../simulator.js'
import { startSimulator } from '../startSimulator.js'
import { connect } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'

const open = closeAfterEach()

async function setup(options: SimulatorOptions = {}) {
  const simulator = await startSimulator({ rate: 0, ...options })
  open.simulators.push(simulator)
  const client = await connect(simulator.publicUrl)
  open.clients.push(client)
  await client.next((f) => f.includes('"channel":"status"'))
  return { simulator, client }
}
const connectionOf = (simulator: Simulator, index = 0) =>
  simulator.stats.connections[index]?.id ?? ''

test('default', async () => {
  // drop: the socket ends without a close frame (1006 on the client).
  const { simulator, client } = await setup()
  simulator.inject({ type: 'drop' })
  expect((await client.closed).code).toBe(1006)
  expect(simulator.stats.faults).toEqual([
    {
      fault: { type: 'drop' },
      at: expect.any(Number),
      connections: [connectionOf(simulator)],
    },
  ])
})

test('behavior: close with a code and reason', async () => {
  const { simulator, client } = await setup()
  simulator.inject({
    type: 'close',
    code: 4000,
    reason: 'bye',
    connection: connectionOf(simulator),
  })
  expect(await client.closed).toEqual({ code: 4000, reason: 'bye' })
  expect(simulator.stats.connections[0]?.closeCode).toBe(4000)
})

test('behavior: silence keeps the socket open but sends nothing, not even pongs', async () => {
  const { simulator, client } = await setup({ heartbeatInterval: 5 })
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  await client.sync()
  simulator.inject({ type: 'silence' })
  const seen = client.frames.length
  client.send({ method: 'ping', req_id: 1 })
  await simulator.waitForRequest({ method: 'ping', reqId: 1 })
  simulator.step(200)
  simulator.inject({ type: 'silence', enabled: false })
  await client.sync()
  expect(client.frames.slice(seen).some((f) => f.includes('"req_id":1,'))).toBe(
    false,
  )
  expect(simulator.stats.connections[0]?.framesDropped).toBeGreaterThan(0)
})

test('behavior: garbage and truncated frames', async () => {
  const { simulator, client } = await setup()
  simulator.inject({ type: 'garbage' })
  expect(await client.next()).toBe('CloudFlare WebSocket proxy restarting')
  simulator.inject({ type: 'truncate' })
  const cut = await client.next()
  expect(cut.startsWith('{"channel":"status"')).toBe(true)
  expect(() => JSON.parse(cut)).toThrow()
  simulator.inject({ type: 'truncate', frame: '{"channel":"heartbeat"}' })
  expect(await client.next()).toBe('{"channel":')
})

test('behavior: corrupt one book checksum', async () => {
  const { simulator, client } = await setup()
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  const snapshot = JSON.parse(
    await client.next((f) => f.startsWith('{"channel":"book"')),
  )
  const good = snapshot.data[0].checksum
  simulator.inject({ type: 'corruptChecksum', symbol: 'BTC/USD' })
  client.send({
    method: 'unsubscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  const corrupted = JSON.parse(
    await client.next((f) => f.startsWith('{"channel":"book"')),
  )
  expect(corrupted.data[0].checksum).not.toBe(good)
  client.send({
    method: 'unsubscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'] },
  })
  const after = JSON.parse(
    await client.next((f) => f.startsWith('{"channel":"book"')),
  )
  expect(after.data[0].checksum).toBe(good)
})

test('behavior: delayed acks', async () => {
  const { simulator, client } = await setup()
  const timers = simulator.activeTimers
  simulator.inject({ type: 'delayAcks', ms: 30 })
  const sent = Date.now()
  client.send({ method: 'ping', req_id: 4 })
  await client.next((f) => f.includes('"pong"'))
  expect(Date.now() - sent).toBeGreaterThanOrEqual(25)
  simulator.inject({ type: 'delayAcks', ms: 0 })
  expect(simulator.activeTimers).toBe(timers)
})

test('behavior: refuse the next N connections', async () => {
  const simulator = await startSimulator({
    rate: 0,
    faults: [{ type: 'refuseConnections', count: 2, status: 429 }],
  })
  open.simulators.push(simulator)
  await expect(connect(simulator.publicUrl)).rejects.toThrow(/429/)
  await expect(connect(simulator.privateUrl)).rejects.toThrow(/429/)
  const third = await connect(simulator.publicUrl)
  open.clients.push(third)
  expect(simulator.stats.refusedConnections).toBe(2)
  expect(simulator.stats.connections).toHaveLength(1)
})

test('behavior: status switches are broadcast and told to new connections', async () => {
  const { simulator, client } = await setup()
  for (const system of [
    'maintenance',
    'cancel_only',
    'post_only',
    'online',
  ] as const) {
    simulator.inject({ type: 'status', system })
    const frame = JSON.parse(
      await client.next((f) => f.includes('"channel":"status"')),
    )
    expect(frame.data[0].system).toBe(system)
  }
  simulator.inject({ type: 'status', system: 'maintenance' })
  const late = await connect(simulator.publicUrl)
  open.clients.push(late)
  expect(JSON.parse(await late.next()).data[0].system).toBe('maintenance')
  expect(simulator.system).toBe('maintenance')
})

test('behavior: subscriptions answered with Exceeded msg rate', async () => {
  const { simulator, client } = await setup()
  simulator.inject({ type: 'rateLimit', count: 1 })
  client.send({
    method: 'subscribe',
    params: { channel: 'ticker', symbol: ['BTC/USD'] },
    req_id: 1,
  })
  client.send({
    method: 'subscribe',
    params: { channel: 'ticker', symbol: ['BTC/USD'] },
    req_id: 2,
  })
  const first = JSON.parse(await client.next((f) => f.includes('"req_id":1')))
  expect(first).toMatchObject({
    error: 'Exceeded msg rate',
    method: 'subscribe',
    success: false,
  })
  const second = JSON.parse(await client.next((f) => f.includes('"req_id":2')))
  expect(second.success).toBe(true)
})

test('behavior: a fault can wait, and targets one connection', async () => {
  const { simulator, client } = await setup()
  const other = await connect(simulator.publicUrl)
  open.clients.push(other)
  await other.next()
  simulator.inject({
    type: 'garbage',
    text: 'late',
    after: 5,
    connection: connectionOf(simulator, 1),
  })
  expect(await other.next()).toBe('late')
  await client.sync()
  expect(client.frames).not.toContain('late')
  expect(simulator.stats.faults[0]?.connections).toEqual([
    connectionOf(simulator, 1),
  ])
})
