import { describe, expect, test } from 'vitest'
import type { Simulator } from '../simulator.js'
import type { TestClient } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { connectPrivate, type PrivateClient } from '../testing/private.js'

/*
 * What a fault storm needs from the simulator: counted faults drawn once in
 * all (simulator-wide) or from one connection's own count, and answers that
 * are late or lost while the exchange has already acted on the request.
 */

const open = closeAfterEach()

const subscribeTicker = (reqId: number) => ({
  method: 'subscribe',
  params: { channel: 'ticker', symbol: ['BTC/USD'] },
  req_id: reqId,
})

async function publicClient(simulator: Simulator): Promise<TestClient> {
  const client = await open.connect(simulator.publicUrl)
  await client.next((f) => f.includes('"channel":"status"'))
  return client
}

async function answerTo(client: TestClient, reqId: number) {
  return JSON.parse(
    await client.next((_, parsed) => parsed?.req_id === reqId),
  ) as { success: boolean; error?: string }
}

describe('counted faults', () => {
  test('behavior: a simulator-wide count is used once in all, not once per connection', async () => {
    const simulator = await open.start()
    const first = await publicClient(simulator)
    const second = await publicClient(simulator)
    simulator.inject({ type: 'rateLimit', count: 1 })
    first.send(subscribeTicker(1))
    expect(await answerTo(first, 1)).toMatchObject({
      success: false,
      error: 'Exceeded msg rate',
    })
    second.send(subscribeTicker(2))
    expect((await answerTo(second, 2)).success).toBe(true)
    // A connection opened later (a reconnect) does not meet it again.
    const later = await publicClient(simulator)
    later.send(subscribeTicker(3))
    expect((await answerTo(later, 3)).success).toBe(true)
  })

  test('behavior: a count on one connection stays there, and is used before the shared one', async () => {
    const simulator = await open.start()
    const target = await publicClient(simulator)
    const other = await publicClient(simulator)
    const id = simulator.stats.connections[0]?.id ?? ''
    simulator.inject({ type: 'rateLimit', count: 1, connection: id })
    simulator.inject({ type: 'rateLimit', count: 1 })
    target.send(subscribeTicker(1))
    target.send(subscribeTicker(2))
    expect((await answerTo(target, 1)).success).toBe(false)
    // The second refusal came from the shared count...
    expect((await answerTo(target, 2)).success).toBe(false)
    // ...so the other connection finds it used.
    other.send(subscribeTicker(3))
    expect((await answerTo(other, 3)).success).toBe(true)
  })

  test('behavior: a simulator-wide corrupt checksum hits one book frame in all', async () => {
    const simulator = await open.start()
    const subscribeBook = {
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'] },
    }
    const reference = await publicClient(simulator)
    reference.send(subscribeBook)
    const good = JSON.parse(
      await reference.next((f) => f.startsWith('{"channel":"book"')),
    ).data[0].checksum
    simulator.inject({ type: 'corruptChecksum', symbol: 'BTC/USD' })
    const checksums: number[] = []
    for (let i = 0; i < 3; i++) {
      const client = await publicClient(simulator)
      client.send(subscribeBook)
      checksums.push(
        JSON.parse(await client.next((f) => f.startsWith('{"channel":"book"')))
          .data[0].checksum,
      )
    }
    expect(checksums.filter((c) => c !== good)).toHaveLength(1)
    expect(checksums[0]).not.toBe(good)
  })
})

describe('late and lost answers', () => {
  async function trader(): Promise<{
    simulator: Simulator
    client: PrivateClient
  }> {
    const simulator = await open.start()
    const client = await connectPrivate(simulator)
    open.clients.push(client)
    await client.request(
      'subscribe',
      { channel: 'executions', snap_orders: false },
      1,
    )
    return { simulator, client }
  }

  const addOrder = (token: string, reqId: number) => ({
    method: 'add_order',
    params: {
      order_type: 'limit',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: 0.01,
      limit_price: 50_000,
      token,
    },
    req_id: reqId,
  })

  const isAck = (reqId: number) => (f: string) =>
    f.includes('"method":"add_order"') && f.includes(`"req_id":${reqId}`)
  const isNewOrder = (f: string) =>
    f.startsWith('{"channel":"executions"') && f.includes('"exec_type":"new"')

  const isPong = (f: string) => f.includes('"method":"pong"')

  /** Waits for frames matching each of `matches` (after `mark`); their indexes. */
  async function arrivals(
    client: TestClient,
    mark: number,
    matches: ((f: string) => boolean)[],
  ): Promise<number[]> {
    const find = () =>
      matches.map((match) => {
        const index = client.frames.slice(mark).findIndex(match)
        return index < 0 ? -1 : index + mark
      })
    await expect.poll(() => find().every((i) => i >= 0)).toBe(true)
    return find()
  }

  test("behavior: hold 'answer': the order rests at once, only its ack is late", async () => {
    const { simulator, client } = await trader()
    simulator.inject({
      type: 'delayAcks',
      ms: 300,
      hold: 'answer',
      method: 'add_order',
    })
    const mark = client.frames.length
    client.send(addOrder(client.token, 2))
    // A ping sent after it (not delayed) is answered after the order rests
    // and before the order's ack.
    client.send({ method: 'ping', req_id: 77 })
    const [resting, pong, ack] = await arrivals(client, mark, [
      isNewOrder,
      isPong,
      isAck(2),
    ])
    expect(resting).toBeLessThan(pong ?? -1)
    expect(pong).toBeLessThan(ack ?? -1)
  })

  test("behavior: hold 'both' (the default): the order waits with its ack", async () => {
    const { simulator, client } = await trader()
    simulator.inject({ type: 'delayAcks', ms: 300, method: 'add_order' })
    const mark = client.frames.length
    client.send(addOrder(client.token, 2))
    client.send({ method: 'ping', req_id: 77 })
    const [pong, resting, ack] = await arrivals(client, mark, [
      isPong,
      isNewOrder,
      isAck(2),
    ])
    // The ping sent after it was answered before the exchange saw the order.
    expect(pong).toBeLessThan(resting ?? -1)
    expect(pong).toBeLessThan(ack ?? -1)
  })

  test('behavior: a dropped answer: the order rests, its ack never comes; the next one does', async () => {
    const { simulator, client } = await trader()
    simulator.inject({ type: 'dropAnswers', method: 'add_order' })
    client.send(addOrder(client.token, 2))
    await client.next(isNewOrder)
    client.send(addOrder(client.token, 3))
    await client.next(isAck(3))
    // Pings (other methods) were answered throughout.
    await client.sync()
    expect(client.frames.some(isAck(2))).toBe(false)
    expect(simulator.stats.connections[0]?.framesDropped).toBe(1)
  })

  test('behavior: a dropped subscribe ack: the channel streams all the same', async () => {
    const simulator = await open.start()
    const client = await publicClient(simulator)
    simulator.inject({ type: 'dropAnswers', method: 'subscribe' })
    client.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'] },
      req_id: 5,
    })
    await client.next((f) => f.startsWith('{"channel":"book"'))
    await client.sync()
    expect(client.frames.some((f) => f.includes('"req_id":5'))).toBe(false)
    expect(simulator.stats.subscribes('book')).toBe(1)
  })
})
