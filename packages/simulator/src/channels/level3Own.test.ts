import { expect, test } from 'vitest'
import type { Simulator } from '../simulator.js'
import type { TestClient } from '../testing/client.js'
import {
  type Level3Order,
  subscribeLevel3,
  verifyLevel3Frames,
} from '../testing/level3Reference.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { connectPrivate, type Frame } from '../testing/private.js'

const open = closeAfterEach()

const level3 = async (simulator: Simulator, depth: number) =>
  (await subscribeLevel3(open, simulator, { depth })).client

/** Every order event of the client's level3 updates that names `orderId`. */
function eventsOf(l3: TestClient, depth: number, orderId: string) {
  const { messages } = verifyLevel3Frames(l3.frames, depth)
  return messages
    .filter((m) => m.type === 'update')
    .flatMap((m) => [...(m.data[0]?.bids ?? []), ...(m.data[0]?.asks ?? [])])
    .filter((order: Level3Order) => order.order_id === orderId)
    .map((order) => `${order.event}:${order.limit_price}:${order.order_qty}`)
}

const orderIdOf = (response: Frame) => {
  const id = (response.result as { order_id?: unknown } | undefined)?.order_id
  if (typeof id !== 'string') throw new Error('no order_id')
  return id
}

test('behavior: own resting orders appear in level3, change and leave, every checksum exact', async () => {
  const simulator = await open.start({ seed: 7 })
  const deep = await level3(simulator, 100)
  const top = await level3(simulator, 10)
  const snapshot = verifyLevel3Frames(top.frames, 10).book.sides.bids
  const bids = [...snapshot.keys()].map(Number).sort((a, b) => b - a)
  // A price between two of the market's levels: a level of its own.
  const gap = bids.findIndex((price, i) => {
    const next = bids[i + 1]
    return next !== undefined && price - next > 0.15
  })
  expect(gap).toBeGreaterThanOrEqual(0)
  const between = ((bids[gap] ?? 0) - 0.1).toFixed(1)
  const best = (bids[0] ?? 0).toFixed(1)
  const trader = await connectPrivate(simulator)
  open.clients.push(trader)

  const place = async (price: string, qty: number, reqId: number) =>
    orderIdOf(
      (
        await trader.request(
          'add_order',
          {
            order_type: 'limit',
            side: 'buy',
            symbol: 'BTC/USD',
            order_qty: qty,
            limit_price: Number(price),
          },
          reqId,
        )
      ).response,
    )
  const atGap = await place(between, 0.5, 1)
  const atBest = await place(best, 0.25, 2)
  await trader.request('amend_order', { order_id: atGap, order_qty: 0.4 }, 3)
  await trader.request('cancel_order', { order_id: [atGap] }, 4)
  await Promise.all([top.sync(), deep.sync()])

  for (const [client, depth] of [
    [top, 10],
    [deep, 100],
  ] as const) {
    expect(eventsOf(client, depth, atGap)).toEqual([
      `add:${between}:0.50000000`,
      `modify:${between}:0.40000000`,
      `delete:${between}:0.40000000`,
    ])
    expect(eventsOf(client, depth, atBest)).toEqual([`add:${best}:0.25000000`])
  }
  // The order at the best bid joined the back of its level's queue.
  const level = verifyLevel3Frames(top.frames, 10).book.sides.bids.get(best)
  expect(level?.at(-1)?.order_id).toBe(atBest)

  // The market trades through the best bid in time: fills modify, then delete.
  for (let i = 0; i < 200 && !trader.frames.some(isFilled(atBest)); i++)
    simulator.step(20)
  await Promise.all([top.sync(), deep.sync(), trader.sync()])
  const events = eventsOf(top, 10, atBest)
  expect(events[0]).toBe(`add:${best}:0.25000000`)
  expect(events.at(-1)).toMatch(/^delete:/)
  expect(eventsOf(deep, 100, atBest).at(-1)).toMatch(/^delete:/)
})

const isFilled = (orderId: string) => (frame: string) =>
  frame.includes(`"order_id":"${orderId}"`) &&
  frame.includes('"order_status":"filled"')

test('behavior: a level3 subscriber sees own orders that rested before it subscribed', async () => {
  const simulator = await open.start({ seed: 8 })
  const pub = await open.connect(simulator.publicUrl)
  pub.send({
    method: 'subscribe',
    params: { channel: 'ticker', symbol: ['BTC/USD'] },
  })
  const ticker = JSON.parse(await pub.next((_, p) => p?.channel === 'ticker'))
  // Some 100 to 200 levels deep: inside depth 1000, out of depth 10.
  const price = (ticker.data[0].ask + 20).toFixed(1)
  const trader = await connectPrivate(simulator)
  open.clients.push(trader)
  const { response } = await trader.request(
    'add_order',
    {
      order_type: 'limit',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 1.5,
      limit_price: Number(price),
    },
    1,
  )
  const id = orderIdOf(response)
  const l3 = await level3(simulator, 1000)
  const { book } = verifyLevel3Frames(l3.frames, 1000)
  expect(book.sides.asks.get(price)?.at(-1)?.order_id).toBe(id)
  // Cancelled out of sight of a shallower depth: no events there, exact checksums.
  const shallow = await level3(simulator, 10)
  await trader.request('cancel_order', { order_id: [id] }, 2)
  simulator.step(50)
  await Promise.all([l3.sync(), shallow.sync()])
  expect(eventsOf(l3, 1000, id)).toEqual([`delete:${price}:1.50000000`])
  expect(eventsOf(shallow, 10, id)).toEqual([])
})
