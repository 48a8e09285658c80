import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { connect } from '../testing/client.js'
import {
  subscribeLevel3,
  verifyLevel3Frames,
} from '../testing/level3Reference.js'
import { closeAfterEach } from '../testing/lifecycle.js'

const open = closeAfterEach()

for (const depth of [10, 100, 1000])
  test(`behavior: depth ${depth} order events keep a subscriber's level3 book and checksum exact`, async () => {
    const simulator = await open.start({ seed: depth })
    const { client, ack } = await subscribeLevel3(open, simulator, { depth })
    expect(ack.result).toEqual({
      channel: 'level3',
      snapshot: true,
      symbol: 'BTC/USD',
    })
    simulator.step(2_000)
    await client.sync()
    const { book, messages } = verifyLevel3Frames(client.frames, depth)
    const updates = messages.filter((m) => m.type === 'update').length
    expect(updates).toBeGreaterThan(100)
    expect(book.sides.bids.size).toBe(depth)
  })

test('error: level3 needs a token and its own host', async () => {
  const simulator = await startSimulator({ rate: 0 })
  open.simulators.push(simulator)
  const l3 = await connect(simulator.level3Url)
  open.clients.push(l3)
  l3.send({
    method: 'subscribe',
    params: { channel: 'level3', symbol: ['BTC/USD'] },
    req_id: 2,
  })
  expect(JSON.parse(await l3.next((_, p) => p?.req_id === 2)).error).toBe(
    'ESession:Invalid session',
  )
  // A token the simulator never issued is refused the same way.
  l3.send({
    method: 'subscribe',
    params: { channel: 'level3', symbol: ['BTC/USD'], token: 'made-up' },
    req_id: 4,
  })
  expect(JSON.parse(await l3.next((_, p) => p?.req_id === 4)).error).toBe(
    'ESession:Invalid session',
  )
  const priv = await connect(simulator.privateUrl)
  open.clients.push(priv)
  priv.send({
    method: 'subscribe',
    params: { channel: 'level3', symbol: ['BTC/USD'], token: 't' },
    req_id: 3,
  })
  expect(JSON.parse(await priv.next((_, p) => p?.req_id === 3)).error).toBe(
    'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
  )
})

test('behavior: frames have the keys of the live captures', async () => {
  const samples = (
    JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          '../../../../fixtures/kraken-v2/live-samples.json',
        ),
        'utf8',
      ),
    ) as {
      channel_or_method: string
      message: { type: string; data: Record<string, unknown>[] }
    }[]
  ).filter((s) => s.channel_or_method === 'level3')
  const simulator = await open.start({ level3Host: 'auth' })
  const { client } = await subscribeLevel3(open, simulator, {
    symbol: 'ETH/USD',
  })
  await client.sync()
  simulator.step(200)
  await client.sync()
  const frames = client.frames
    .filter((f) => f.startsWith('{"channel":"level3"'))
    .map((f) => JSON.parse(f))
  for (const type of ['snapshot', 'update']) {
    const sample = samples.find((s) => s.message.type === type)?.message.data[0]
    const mine = frames.find((f) => f.type === type)?.data[0]
    expect(Object.keys(mine)).toEqual(Object.keys(sample ?? {}))
    const order = [...mine.bids, ...mine.asks][0]
    const sampleOrders = [
      ...((sample?.bids ?? []) as object[]),
      ...((sample?.asks ?? []) as object[]),
    ]
    const sampleOrder = sampleOrders[0] ?? {}
    expect(Object.keys(order)).toEqual(Object.keys(sampleOrder))
  }
})
