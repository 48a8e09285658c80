import { describe, expect, test } from 'vitest'
import { bookChecksum } from '../market/checksum.js'
import { startSimulator } from '../startSimulator.js'
import { connect } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { numbersAsText, parseExact } from '../testing/parseExact.js'

const open = closeAfterEach()

async function setup(seed: number | string = 1) {
  const simulator = await startSimulator({
    rate: 0,
    seed,
    now: () => 1_760_000_000_000,
  })
  open.simulators.push(simulator)
  const client = await connect(simulator.publicUrl)
  open.clients.push(client)
  return { simulator, client }
}

type Level = { price: string; qty: string }
type BookData = {
  symbol: string
  bids: Level[]
  asks: Level[]
  checksum: string
  timestamp: string
}
const exact = (frame: string) =>
  numbersAsText(parseExact(frame)) as {
    channel?: string
    type?: string
    data: BookData[]
  }

/** An independent subscriber book over the exact text received. */
function referenceBook(depth: number) {
  const sides = {
    bids: new Map<string, string>(),
    asks: new Map<string, string>(),
  }
  const sorted = (side: 'bids' | 'asks') =>
    [...sides[side]]
      .map(([price, qty]) => ({ price, qty }))
      .sort((a, b) =>
        side === 'bids'
          ? Number(b.price) - Number(a.price)
          : Number(a.price) - Number(b.price),
      )
  return {
    sides,
    sorted,
    apply(data: BookData, snapshot: boolean) {
      if (snapshot) for (const side of Object.values(sides)) side.clear()
      for (const side of ['bids', 'asks'] as const) {
        for (const { price, qty } of data[side])
          if (Number(qty) === 0) sides[side].delete(price)
          else sides[side].set(price, qty)
        sides[side] = new Map(
          sorted(side)
            .slice(0, depth)
            .map((l) => [l.price, l.qty]),
        )
      }
      return bookChecksum(sorted('asks'), sorted('bids'))
    },
  }
}

describe('book', () => {
  for (const depth of [10, 25, 100, 500, 1000])
    test(`behavior: depth ${depth} updates keep a subscriber's book and checksum exact`, async () => {
      const { simulator, client } = await setup(depth)
      client.send({
        method: 'subscribe',
        params: { channel: 'book', symbol: ['BTC/USD', 'XRP/USD'], depth },
      })
      await client.sync()
      simulator.step(4_000)
      await client.sync()
      const books = new Map([
        ['BTC/USD', referenceBook(depth)],
        ['XRP/USD', referenceBook(depth)],
      ])
      const precision = new Map([
        ['BTC/USD', [1, 8]],
        ['XRP/USD', [5, 8]],
      ])
      let updates = 0
      let multi = 0
      for (const frame of client.frames.filter((f) =>
        f.startsWith('{"channel":"book"'),
      )) {
        const message = exact(frame)
        const data = message.data[0]
        if (data === undefined) throw new Error('no data')
        const book = books.get(data.symbol)
        const [pp = 0, qp = 0] = precision.get(data.symbol) ?? []
        for (const level of [...data.bids, ...data.asks]) {
          expect(level.price).toMatch(new RegExp(`^\\d+\\.\\d{${pp}}$`))
          expect(level.qty).toMatch(new RegExp(`^\\d+\\.\\d{${qp}}$`))
        }
        expect(book?.apply(data, message.type === 'snapshot')).toBe(
          Number(data.checksum),
        )
        if (message.type === 'snapshot') {
          expect(data.bids).toHaveLength(depth)
          expect(data.asks).toHaveLength(depth)
        } else updates++
        if (data.bids.length + data.asks.length > 1) multi++
      }
      expect(updates).toBeGreaterThan(500)
      expect(multi).toBeGreaterThan(50)
      for (const book of books.values())
        expect(book.sides.bids.size).toBe(depth)
    })

  test('behavior: a frame has the key set and value types of the live capture', async () => {
    const { simulator, client } = await setup()
    client.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'] },
    })
    await client.sync()
    simulator.step(50)
    await client.sync()
    const frames = client.frames
      .filter((f) => f.startsWith('{"channel":"book"'))
      .map((f) => JSON.parse(f))
    for (const frame of frames) {
      expect(Object.keys(frame)).toEqual(['channel', 'type', 'data'])
      expect(Object.keys(frame.data[0])).toEqual([
        'symbol',
        'bids',
        'asks',
        'checksum',
        'timestamp',
      ])
      expect(frame.data[0].timestamp).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
      )
    }
  })
})

describe('determinism', () => {
  test('behavior: a seed gives the same frames', async () => {
    const run = async (seed: number) => {
      const { simulator, client } = await setup(seed)
      client.send({
        method: 'subscribe',
        params: { channel: 'book', symbol: ['ETH/USD'] },
      })
      client.send({
        method: 'subscribe',
        params: { channel: 'trade', symbol: ['ETH/USD'], snapshot: true },
      })
      await client.sync()
      simulator.step(300)
      await client.sync()
      return client.frames.filter((f) => f.startsWith('{"channel"'))
    }
    const first = await run(11)
    expect(await run(11)).toEqual(first)
    expect(await run(12)).not.toEqual(first)
  })
})

describe('ticker, trade, ohlc, instrument', () => {
  test('behavior: ticker updates on trades (default) or on bbo changes', async () => {
    const { simulator, client } = await setup()
    client.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD'] },
    })
    client.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['ETH/USD'], event_trigger: 'bbo' },
    })
    client.send({
      method: 'subscribe',
      params: { channel: 'trade', symbol: ['BTC/USD'] },
    })
    await client.sync()
    simulator.step(2_000)
    await client.sync()
    const of = (channel: string, symbol: string, type = 'update') =>
      client.frames.filter(
        (f) =>
          f.startsWith(`{"channel":"${channel}","type":"${type}"`) &&
          f.includes(`"symbol":"${symbol}"`),
      )
    const tradeFrames = of('trade', 'BTC/USD')
    expect(of('ticker', 'BTC/USD')).toHaveLength(tradeFrames.length)
    expect(of('ticker', 'ETH/USD').length).toBeGreaterThan(0)
    expect(of('trade', 'BTC/USD', 'snapshot')).toHaveLength(0)
    const ticker = JSON.parse(of('ticker', 'BTC/USD', 'snapshot')[0] ?? '{}')
    expect(Object.keys(ticker.data[0])).toEqual([
      'symbol',
      'bid',
      'bid_qty',
      'ask',
      'ask_qty',
      'last',
      'volume',
      'vwap',
      'low',
      'high',
      'change',
      'change_pct',
      'trades',
      'timestamp',
    ])
    expect(ticker.data[0].bid).toBeLessThan(ticker.data[0].ask)
  })

  test('behavior: trade snapshot holds the last 50 trades', async () => {
    const { client } = await setup()
    client.send({
      method: 'subscribe',
      params: { channel: 'trade', symbol: ['SOL/USD'], snapshot: true },
    })
    const snapshot = JSON.parse(
      await client.next((f) => f.startsWith('{"channel":"trade"')),
    )
    expect(snapshot.type).toBe('snapshot')
    expect(snapshot.data).toHaveLength(50)
    const ids = snapshot.data.map((t: { trade_id: number }) => t.trade_id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
  })

  test('behavior: ohlc updates re-emit the open candle', async () => {
    const { simulator, client } = await setup()
    client.send({
      method: 'subscribe',
      params: { channel: 'ohlc', symbol: ['BTC/USD'], interval: 5 },
    })
    await client.sync()
    simulator.step(500)
    await client.sync()
    const frames = client.frames
      .filter((f) => f.startsWith('{"channel":"ohlc"'))
      .map((f) => JSON.parse(f))
    const [snapshot, ...updates] = frames
    expect(snapshot.type).toBe('snapshot')
    expect(snapshot.data.length).toBeGreaterThan(1)
    const open = snapshot.data.at(-1)
    expect(updates.length).toBeGreaterThan(5)
    for (const update of updates) {
      expect(update.data).toHaveLength(1)
      expect(update.data[0].interval_begin).toBe(open.interval_begin)
      expect(
        Date.parse(update.data[0].timestamp) -
          Date.parse(update.data[0].interval_begin),
      ).toBe(5 * 60_000)
    }
    const last = updates.at(-1).data[0]
    expect(last.trades).toBeGreaterThan(updates[0].data[0].trades)
  })

  test('behavior: instrument snapshot lists assets and pairs with precisions', async () => {
    const { client } = await setup()
    client.send({
      method: 'subscribe',
      params: { channel: 'instrument' },
      req_id: 79,
    })
    const frame = await client.next((f) =>
      f.startsWith('{"channel":"instrument"'),
    )
    expect(frame).toContain('"qty_increment":0.00000001')
    expect(frame).toContain('"cost_min":0.50')
    const { data } = JSON.parse(frame)
    const btc = data.pairs.find(
      (p: { symbol: string }) => p.symbol === 'BTC/USD',
    )
    expect(btc).toMatchObject({
      price_precision: 1,
      qty_precision: 8,
      price_increment: 0.1,
      status: 'online',
    })
    expect(data.assets.map((a: { id: string }) => a.id)).toContain('BTC')
  })
})
