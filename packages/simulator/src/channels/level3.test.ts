import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { type LevelText, level3Checksum } from '../market/checksum.js'
import type { Simulator } from '../simulator.js'
import { startSimulator } from '../startSimulator.js'
import { connect, type TestClient } from '../testing/client.js'
import { numbersAsText, parseExact } from '../testing/parseExact.js'

const open: { simulators: Simulator[]; clients: TestClient[] } = {
  simulators: [],
  clients: [],
}
afterEach(async () => {
  await Promise.all(open.clients.splice(0).map((c) => c.close()))
  await Promise.all(open.simulators.splice(0).map((s) => s.close()))
})

type Order = {
  event?: string
  order_id: string
  limit_price: string
  order_qty: string
  timestamp: string
}
type Data = { symbol: string; checksum: string; bids: Order[]; asks: Order[] }

/** An independent level3 subscriber: orders per price, truncated to `depth` levels. */
function referenceBook(depth: number) {
  const sides = {
    bids: new Map<string, Order[]>(),
    asks: new Map<string, Order[]>(),
  }
  const sorted = (side: 'bids' | 'asks') =>
    [...sides[side].keys()].sort((a, b) =>
      side === 'bids' ? Number(b) - Number(a) : Number(a) - Number(b),
    )
  const texts = (side: 'bids' | 'asks'): LevelText[][] =>
    sorted(side).map((price) =>
      (sides[side].get(price) ?? []).map((o) => ({ price, qty: o.order_qty })),
    )
  return {
    sides,
    apply(data: Data, snapshot: boolean) {
      for (const side of ['bids', 'asks'] as const) {
        if (snapshot) sides[side].clear()
        for (const order of data[side]) {
          const level = sides[side].get(order.limit_price) ?? []
          if (order.event === 'delete') {
            const kept = level.filter((o) => o.order_id !== order.order_id)
            expect(kept.length).toBe(level.length - 1)
            if (kept.length === 0) sides[side].delete(order.limit_price)
            else sides[side].set(order.limit_price, kept)
          } else if (order.event === 'modify') {
            const found = level.find((o) => o.order_id === order.order_id)
            expect(found).toBeDefined()
            if (found !== undefined) found.order_qty = order.order_qty
          } else {
            level.push({ ...order })
            sides[side].set(order.limit_price, level)
          }
        }
        for (const price of sorted(side).slice(depth)) sides[side].delete(price)
      }
      return level3Checksum(texts('asks'), texts('bids'))
    },
  }
}

for (const depth of [10, 100, 1000])
  test(`behavior: depth ${depth} order events keep a subscriber's level3 book and checksum exact`, async () => {
    const simulator = await startSimulator({ rate: 0, seed: depth })
    open.simulators.push(simulator)
    const client = await connect(simulator.level3Url)
    open.clients.push(client)
    client.send({
      method: 'subscribe',
      params: {
        channel: 'level3',
        symbol: ['BTC/USD'],
        depth,
        token: simulator.issueToken(),
      },
      req_id: 1,
    })
    const ack = JSON.parse(await client.next((_, p) => p?.req_id === 1))
    expect(ack.result).toEqual({
      channel: 'level3',
      snapshot: true,
      symbol: 'BTC/USD',
    })
    simulator.step(2_000)
    await client.sync()
    const book = referenceBook(depth)
    let updates = 0
    for (const frame of client.frames.filter((f) =>
      f.startsWith('{"channel":"level3"'),
    )) {
      const message = numbersAsText(parseExact(frame)) as {
        type: string
        data: Data[]
      }
      const data = message.data[0]
      if (data === undefined) throw new Error('no data')
      expect(book.apply(data, message.type === 'snapshot')).toBe(
        Number(data.checksum),
      )
      if (message.type === 'update') updates++
    }
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
  const simulator = await startSimulator({ rate: 0, level3Host: 'auth' })
  open.simulators.push(simulator)
  const client = await connect(simulator.level3Url)
  open.clients.push(client)
  client.send({
    method: 'subscribe',
    params: {
      channel: 'level3',
      symbol: ['ETH/USD'],
      token: simulator.issueToken(),
    },
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
