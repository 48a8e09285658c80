import { describe, expect, test } from 'vitest'
import { connect, type TestClient } from './testing/client.js'
import { closeAfterEach } from './testing/lifecycle.js'

const open = closeAfterEach()

const { start, connect: client } = open

const json = (frame: string) => JSON.parse(frame) as Record<string, unknown>
const withoutTimes = (frame: string) => {
  const { time_in, time_out, ...rest } = json(frame)
  expect(time_in).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  expect(time_out).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  return rest
}

test('default', async () => {
  const simulator = await start()
  expect(simulator.publicUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v2$/)
  expect(simulator.privateUrl).toMatch(/\/ws-auth\/v2$/)
  expect(simulator.level3Url).toMatch(/\/ws-l3\/v2$/)
  expect(simulator.restUrl).toBe(`http://127.0.0.1:${simulator.port}`)
  const a = await client(simulator.publicUrl)
  const b = await client(simulator.publicUrl)
  const statusA = await a.next()
  const statusB = await b.next()
  const id = (frame: string) => /"connection_id":(\d+)/.exec(frame)?.[1] ?? ''
  expect(statusA).toMatch(
    /^\{"channel":"status","type":"update","data":\[\{"version":"2\.0\.10","system":"online","api_version":"v2","connection_id":\d+,"upcoming_maintenance":\[\],"emergency":\[\]\}\]\}$/,
  )
  expect(BigInt(id(statusA)) > 2n ** 53n).toBe(true)
  expect(id(statusA)).not.toBe(id(statusB))
  expect(simulator.stats.connections.map((c) => c.id)).toEqual([
    id(statusA),
    id(statusB),
  ])
})

describe('requests', () => {
  test('behavior: ping gets pong with req_id and times', async () => {
    const simulator = await start()
    const c = await client(simulator.publicUrl)
    c.send({ method: 'ping', req_id: 101 })
    const pong = await c.next((_, p) => p?.method === 'pong')
    expect(Object.keys(json(pong))).toEqual([
      'method',
      'req_id',
      'time_in',
      'time_out',
    ])
    expect(withoutTimes(pong)).toEqual({ method: 'pong', req_id: 101 })
  })

  test('error: ping with params, unknown method, unreadable frame', async () => {
    const simulator = await start()
    const c = await client(simulator.publicUrl)
    c.send({ method: 'ping', params: {}, req_id: 0 })
    expect(withoutTimes(await c.next((_, p) => p?.method === 'ping'))).toEqual({
      error: "Unsupported field: 'params' for the given msg type: ping",
      method: 'ping',
      req_id: 0,
      success: false,
    })
    c.send({ method: 'fly', req_id: 3 })
    expect(withoutTimes(await c.next((_, p) => p?.method === 'fly'))).toEqual({
      error: 'Unsupported event',
      method: 'fly',
      req_id: 3,
      success: false,
    })
    c.send('not json')
    expect(
      withoutTimes(await c.next((_, p) => p?.error !== undefined)),
    ).toEqual({
      error: 'Unsupported event',
      success: false,
    })
    expect(simulator.stats.requests({ method: '(invalid)' })).toHaveLength(1)
  })

  test('behavior: one ack per symbol, then snapshots', async () => {
    const simulator = await start()
    const c = await client(simulator.publicUrl)
    c.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD', 'ETH/USD'], depth: 25 },
      req_id: 7,
    })
    const acks = [
      await c.next((_, p) => p?.method === 'subscribe'),
      await c.next((_, p) => p?.method === 'subscribe'),
    ]
    expect(acks.map(withoutTimes)).toEqual(
      ['BTC/USD', 'ETH/USD'].map((symbol) => ({
        method: 'subscribe',
        req_id: 7,
        result: { channel: 'book', depth: 25, snapshot: true, symbol },
        success: true,
      })),
    )
    // Kraken writes method responses with keys in alphabetical order.
    expect(Object.keys(json(acks[0] ?? ''))).toEqual([
      'method',
      'req_id',
      'result',
      'success',
      'time_in',
      'time_out',
    ])
    const snapshot = json(await c.next((_, p) => p?.channel === 'book'))
    expect(snapshot.type).toBe('snapshot')
    expect(simulator.stats.subscribes('book', 'BTC/USD')).toBe(1)
    expect(simulator.stats.subscribes('book')).toBe(1)
    expect(
      simulator.stats.requests({ method: 'subscribe', symbol: 'ETH/USD' })[0]
        ?.reqId,
    ).toBe(7)
  })

  test('error: unknown symbol, already subscribed, bad params, unknown channel', async () => {
    const simulator = await start()
    const c = await client(simulator.publicUrl)
    c.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['XBT/USD'] },
    })
    expect(
      withoutTimes(await c.next((_, p) => p?.method === 'subscribe')),
    ).toEqual({
      error: 'Currency pair not supported XBT/USD',
      method: 'subscribe',
      success: false,
      symbol: 'XBT/USD',
    })
    c.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'] },
      req_id: 1,
    })
    await c.next((_, p) => p?.method === 'subscribe')
    c.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'], depth: 100 },
      req_id: 2,
    })
    expect(
      withoutTimes(
        await c.next((_, p) => p?.method === 'subscribe' && p.req_id === 2),
      ),
    ).toEqual({
      error: 'Already subscribed',
      method: 'subscribe',
      req_id: 2,
      success: false,
      symbol: 'BTC/USD',
    })
    for (const params of [
      { channel: 'book', symbol: ['ETH/USD'], depth: 11 },
      { channel: 'ticker', symbol: 'ETH/USD' },
      { channel: 'ticker', symbol: ['ETH/USD'], event_trigger: 'quotes' },
      { channel: 'ohlc', symbol: ['ETH/USD'], interval: 2 },
      { channel: 'trade', symbol: ['ETH/USD'], snapshot: 'yes' },
    ]) {
      c.send({ method: 'subscribe', params, req_id: 5 })
      const answer = withoutTimes(await c.next((_, p) => p?.req_id === 5))
      expect(answer).toEqual({
        error: 'EGeneral:Invalid arguments',
        method: 'subscribe',
        req_id: 5,
        success: false,
      })
    }
    c.send({ method: 'subscribe', params: { channel: 'heartbeat' }, req_id: 6 })
    expect(withoutTimes(await c.next((_, p) => p?.req_id === 6)).error).toBe(
      'Unsupported event',
    )
    c.send({
      method: 'unsubscribe',
      params: { channel: 'trade', symbol: ['BTC/USD'] },
      req_id: 8,
    })
    expect(withoutTimes(await c.next((_, p) => p?.req_id === 8))).toEqual({
      error: 'Subscription Not Found',
      method: 'unsubscribe',
      req_id: 8,
      success: false,
      symbol: 'BTC/USD',
    })
  })

  test('behavior: heartbeat subscription accepted when switched on', async () => {
    const simulator = await start({
      compatibility: { heartbeatSubscription: 'accept' },
      heartbeatInterval: 5,
    })
    const c = await client(simulator.publicUrl)
    c.send({ method: 'subscribe', params: { channel: 'heartbeat' }, req_id: 6 })
    expect(withoutTimes(await c.next((_, p) => p?.req_id === 6))).toEqual({
      method: 'subscribe',
      req_id: 6,
      result: { channel: 'heartbeat' },
      success: true,
    })
    expect(await c.next((_, p) => p?.channel === 'heartbeat')).toBe(
      '{"channel":"heartbeat"}',
    )
  })

  test('behavior: heartbeats only once something is subscribed', async () => {
    const simulator = await start({ heartbeatInterval: 5 })
    const idle = await client(simulator.publicUrl)
    const busy = await client(simulator.publicUrl)
    busy.send({ method: 'subscribe', params: { channel: 'instrument' } })
    await busy.next((_, p) => p?.channel === 'heartbeat')
    await busy.next((_, p) => p?.channel === 'heartbeat')
    await idle.sync()
    expect(idle.frames.some((f) => f.includes('heartbeat'))).toBe(false)
  })
})

describe('endpoints', () => {
  test('error: each host refuses the other kind with Kraken strings', async () => {
    const simulator = await start()
    const pub = await client(simulator.publicUrl)
    pub.send({
      method: 'subscribe',
      params: { channel: 'executions', token: 'x' },
    })
    pub.send({ method: 'add_order', params: { token: 'x' } })
    const priv = await client(simulator.privateUrl)
    priv.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'] },
    })
    const l3 = await client(simulator.level3Url)
    l3.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD'] },
    })
    const error = async (c: TestClient) =>
      json(await c.next((_, p) => p?.success === false)).error
    const privateOnly =
      'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com'
    expect(await error(pub)).toBe(privateOnly)
    expect(await error(pub)).toBe(privateOnly)
    expect(await error(priv)).toBe(
      'Public market data subscriptions are unavailable on this endpoint. Try ws.kraken.com',
    )
    expect(await error(l3)).toBe(
      'Public market data subscriptions are unavailable on this endpoint. Try ws.kraken.com',
    )
  })

  test('behavior: level3 on the private host when switched', async () => {
    const simulator = await start({ level3Host: 'auth' })
    expect(simulator.level3Url).toBe(simulator.privateUrl)
  })

  test('error: unknown paths are refused at upgrade', async () => {
    const simulator = await start()
    await expect(
      connect(`ws://127.0.0.1:${simulator.port}/v1`),
    ).rejects.toThrow(/404/)
  })
})
