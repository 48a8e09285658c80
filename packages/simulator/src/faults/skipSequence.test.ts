import { expect, test } from 'vitest'
import type { Simulator } from '../simulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { connectPrivate, type PrivateClient } from '../testing/private.js'

const open = closeAfterEach()

async function trader(simulator: Simulator) {
  const client = await connectPrivate(simulator)
  open.clients.push(client)
  await client.request('subscribe', { channel: 'balances' }, 1)
  await client.request('subscribe', { channel: 'executions' }, 2)
  return client
}

const sequences = (client: PrivateClient) =>
  client
    .since(0)
    .filter((f) => f.channel === 'executions' || f.channel === 'balances')
    .map((f) => f.sequence)

const limitBuy = (price: number) => ({
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: 0.01,
  limit_price: price,
})

test('behavior: skipSequence makes one connection skip a sequence number once', async () => {
  const simulator = await open.start()
  const faulty = await trader(simulator)
  const healthy = await trader(simulator)
  expect(sequences(faulty)).toEqual([1, 2])
  const id = simulator.stats.connections[0]?.id
  simulator.inject({ type: 'skipSequence', connection: id ?? '' })
  await faulty.request('add_order', limitBuy(1_000), 3)
  await healthy.request('add_order', limitBuy(1_000), 3)
  await faulty.request('add_order', limitBuy(1_001), 4)
  // 3 is lost; the frames after it count on from 4.
  const seen = sequences(faulty)
  expect(seen.slice(0, 3)).toEqual([1, 2, 4])
  expect(seen.slice(2)).toEqual(seen.slice(2).map((_, i) => i + 4))
  expect(seen.length).toBeGreaterThan(3)
  const other = sequences(healthy)
  expect(other).toEqual(other.map((_, i) => i + 1))
})

test('behavior: a skipSequence fault at start reaches connections opened later', async () => {
  const simulator = await open.start({
    faults: [{ type: 'skipSequence', count: 3 }],
  })
  const client = await trader(simulator)
  await client.request('add_order', limitBuy(1_000), 3)
  const seen = sequences(client)
  expect(seen[0]).toBe(4)
  expect(seen).toEqual(seen.map((_, i) => i + 4))
  expect(simulator.stats.faults[0]?.fault.type).toBe('skipSequence')
})
