/**
 * The client against the simulator: a real Kraken v2 server on loopback,
 * reached through the default `ws` transport.
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import {
  BookSnapshotResponse,
  BookSubscriptionRequest,
  BookUpdateResponse,
  HeartbeatResponse,
  InstrumentsSnapshotResponse,
  InstrumentsSubscriptionRequest,
  type KrakenErrorEvent,
  type KrakenEventMap,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
  OHLCSnapshotResponse,
  OHLCSubscriptionRequest,
  OHLCUpdateResponse,
  Response,
  SnapshotResponse,
  StatusResponse,
  SubscriptionResponse,
  TickerSnapshotResponse,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesSubscriptionRequest,
  TradesUpdateResponse,
  UpdateResponse,
} from './index.js'

let simulator: Simulator
let clients: KrakenWebSocketAPI[] = []

beforeEach(async () => {
  simulator = await startSimulator({ seed: 7, rate: 200 })
})

afterEach(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  clients = []
  await simulator.close()
})

function connect(options: KrakenWebSocketAPIOptions = {}) {
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    WebSocket,
    getToken: async () => 'simulator-token-0123456789',
    logger: false,
    reconnect: { initialDelay: 20, maxDelay: 50 },
    ...options,
  })
  const errors: KrakenErrorEvent[] = []
  kraken.on('error', (error) => {
    errors.push(error)
  })
  clients.push(kraken)
  return { kraken, errors }
}

/** Resolves with the first `event` payload that satisfies `predicate`. */
function nextEvent<TEvent extends keyof KrakenEventMap>(
  kraken: KrakenWebSocketAPI,
  event: TEvent,
  predicate: (payload: KrakenEventMap[TEvent]) => boolean = () => true,
) {
  return new Promise<KrakenEventMap[TEvent]>((resolve) => {
    const off = kraken.on(event, (payload) => {
      if (!predicate(payload)) return
      off()
      resolve(payload)
    })
  })
}

/** Resolves when `predicate` holds, checked after each frame `kraken` receives. */
function until(kraken: KrakenWebSocketAPI, predicate: () => boolean) {
  return new Promise<void>((resolve) => {
    if (predicate()) return resolve()
    const off = kraken.onFrame(() => {
      if (!predicate()) return
      off()
      resolve()
    })
  })
}

describe('against the simulator', () => {
  test('default', async () => {
    const { kraken, errors } = connect({ logger: undefined })
    const lines: string[] = []
    kraken.userLogger((message, level) => {
      if (level === 'info') lines.push(message)
    })
    kraken.trigger(TickerUpdateResponse, async (response) => {
      kraken.log(`Last price: $${response.last}`, 'info')
    })
    kraken.trigger(TradesUpdateResponse, async (response) => {
      for (const t of response.trades)
        kraken.log(`${t.side} ${t.price} @ ${t.qty}`, 'info')
    })
    const running = kraken.run([
      TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']),
      TradesSubscriptionRequest(['BTC/USD']),
    ])
    await until(
      kraken,
      () =>
        lines.some((line) => line.startsWith('Last price: $')) &&
        lines.some((line) => /^(buy|sell) [\d.]+ @ [\d.]+$/.test(line)),
    )
    expect(errors).toEqual([])
    await kraken.stop()
    await running
    expect(simulator.stats.subscribes('ticker', 'BTC/USD')).toBe(1)
  })

  test('behavior: after a drop, every subscription is replayed once on the new connection', async () => {
    const { kraken, errors } = connect()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']))
    await kraken.subscribe(TradesSubscriptionRequest(['BTC/USD']))
    const gap = nextEvent(kraken, 'gap')
    const replayed = simulator.waitForRequest({
      method: 'subscribe',
      channel: 'trade',
    })
    simulator.inject({ type: 'drop' })
    expect(await gap).toMatchObject({
      source: 'reconnect',
      endpoint: 'public',
      channels: ['ticker', 'trade'],
      symbols: ['BTC/USD', 'ETH/USD'],
    })
    await replayed
    await until(
      kraken,
      () => simulator.stats.requests({ method: 'subscribe' }).length === 4,
    )
    const seen = new Map<string, number>()
    for (const request of simulator.stats.requests({ method: 'subscribe' })) {
      for (const symbol of request.symbols) {
        const key = `${request.connection} ${request.channel} ${symbol}`
        seen.set(key, (seen.get(key) ?? 0) + 1)
      }
    }
    expect([...seen.values()]).toEqual([1, 1, 1, 1, 1, 1])
    expect(simulator.stats.connections).toHaveLength(2)
    await until(kraken, () => kraken.stats().subscriptions.live === 3)
    expect(kraken.stats().reconnects.public).toBe(1)
    expect(errors).toEqual([])
  })

  test('behavior: a silent socket is replaced and its subscriptions replayed', async () => {
    const { kraken } = connect({ staleAfter: 2_000 }) // above a loaded machine's event-loop stalls
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const stale = nextEvent(
      kraken,
      'connection',
      (event) => event.status === 'stale',
    )
    simulator.inject({ type: 'silence' })
    await stale
    simulator.inject({ type: 'silence', enabled: false })
    await nextEvent(kraken, 'gap')
    await until(
      kraken,
      () => simulator.stats.subscribes('ticker', 'BTC/USD') === 2,
    )
    const connections = new Set(
      simulator.stats
        .requests({ method: 'subscribe', channel: 'ticker' })
        .map((request) => request.connection),
    )
    expect(connections.size).toBe(2)
  })

  test('behavior: a corrupted checksum resyncs that symbol while another keeps flowing', async () => {
    const { kraken, errors } = connect()
    const [btc, eth] = await Promise.all([
      kraken.book('BTC/USD'),
      kraken.book('ETH/USD'),
    ])
    const states: string[] = []
    kraken.on('book', (event) => {
      states.push(`${event.symbol} ${event.state}`)
    })
    const ethBefore = eth.stats().verified
    const resynced = nextEvent(
      kraken,
      'book',
      (event) => event.symbol === 'BTC/USD' && event.state === 'in-sync',
    )
    simulator.inject({ type: 'corruptChecksum', symbol: 'BTC/USD' })
    await resynced
    expect(states).toEqual(['BTC/USD resyncing', 'BTC/USD in-sync'])
    expect(btc.stats()).toMatchObject({ resyncs: 1, mismatches: 1 })
    expect(eth.stats()).toMatchObject({
      resyncs: 0,
      mismatches: 0,
      state: 'in-sync',
    })
    await until(kraken, () => eth.stats().verified > ethBefore + 2)
    expect(eth.stats()).toMatchObject({ resyncs: 0, state: 'in-sync' })
    expect(
      simulator.stats.requests({ method: 'unsubscribe', channel: 'book' }),
    ).toMatchObject([{ symbols: ['BTC/USD'] }])
    expect(btc.bids.length).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })

  test('error: undecodable frames and failing handlers are reported, the flow goes on', async () => {
    const { kraken, errors } = connect()
    let updates = 0
    kraken.trigger(BookUpdateResponse, function failing() {
      throw new Error('handler bug')
    })
    kraken.trigger(BookUpdateResponse, () => {
      updates++
    })
    await kraken.book('BTC/USD')
    simulator.inject({ type: 'garbage' })
    await until(
      kraken,
      () =>
        updates >= 3 &&
        errors.some((error) => error.name === 'DecodeFailureError'),
    )
    expect(
      errors.find((error) => error.name === 'DecodeFailureError'),
    ).toMatchObject({
      raw: 'CloudFlare WebSocket proxy restarting',
    })
    expect(
      errors.filter((error) => error.name === 'HandlerError').length,
    ).toBeGreaterThanOrEqual(3)
    expect(kraken.stats().decodeErrors).toBe(1)
  })

  test('behavior: stop() closes every socket and leaves no handle behind', async () => {
    const before = process.getActiveResourcesInfo().length
    const { kraken } = connect()
    const running = kraken.run([TickerSubscriptionRequest(['BTC/USD'])])
    await until(kraken, () => kraken.stats().channels.ticker !== undefined)
    expect(process.getActiveResourcesInfo().length).toBeGreaterThan(before)
    await kraken.stop()
    await running
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(before)
  })

  test('behavior: each public response type reaches its trigger and its families', async () => {
    await simulator.close()
    simulator = await startSimulator({
      seed: 7,
      rate: 400,
      heartbeatInterval: 50,
    })
    const { kraken, errors } = connect()
    const types = [
      StatusResponse,
      SubscriptionResponse,
      HeartbeatResponse,
      TickerSnapshotResponse,
      TickerUpdateResponse,
      BookSnapshotResponse,
      BookUpdateResponse,
      TradesSnapshotResponse,
      TradesUpdateResponse,
      OHLCSnapshotResponse,
      OHLCUpdateResponse,
      InstrumentsSnapshotResponse,
    ]
    const seen = new Map<string, number>()
    const families = new Map<string, number>()
    for (const type of types) {
      kraken.trigger(type, () => {
        seen.set(type.name, (seen.get(type.name) ?? 0) + 1)
      })
    }
    for (const family of [Response, SnapshotResponse, UpdateResponse]) {
      kraken.trigger(family, (value) => {
        const key = `${family.name} ${'channel' in value ? value.channel : value.method}`
        families.set(key, (families.get(key) ?? 0) + 1)
      })
    }
    const symbols = ['BTC/USD', 'ETH/USD']
    await Promise.all([
      kraken.subscribe(TickerSubscriptionRequest(symbols)),
      kraken.subscribe(BookSubscriptionRequest(symbols)),
      kraken.subscribe(TradesSubscriptionRequest(symbols, { snapshot: true })),
      kraken.subscribe(OHLCSubscriptionRequest(symbols, { interval: 1 })),
      kraken.subscribe(InstrumentsSubscriptionRequest()),
    ])
    await until(kraken, () => types.every((type) => seen.has(type.name)))
    for (const type of types) {
      const count = seen.get(type.name) ?? 0
      const family = type.families.find((each) => each.name !== 'Response')
      const channelOf: Record<string, string> = {
        Ticker: 'ticker',
        Book: 'book',
        Trades: 'trade',
        OHLC: 'ohlc',
        Instruments: 'instrument',
      }
      const prefix = Object.keys(channelOf).find((name) =>
        type.name.startsWith(name),
      )
      if (family === undefined || prefix === undefined) continue
      expect(
        families.get(`${family.name} ${channelOf[prefix]}`),
      ).toBeGreaterThanOrEqual(count)
    }
    expect(families.get('Response heartbeat')).toBe(
      seen.get('HeartbeatResponse'),
    )
    expect(errors).toEqual([])
  })
})
