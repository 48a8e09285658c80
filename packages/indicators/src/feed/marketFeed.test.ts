import { createBook } from '@kraken-sockets/book'
import { decodeMessage } from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { rsi } from '../classic/classic.js'
import { createAlertEngine } from '../conditions/alertEngine.js'
import { DuplicateSeriesError } from '../errors.js'
import { rollingStats } from '../series/rollingStats.js'
import { tradeVwap } from '../series/vwap.js'
import { type CandleRow, candles, trades } from '../testing/fixtures.js'
import { naiveRsi } from '../testing/reference.js'
import { createMarketFeed } from './marketFeed.js'

/** Decodes a Kraken frame as the runtime does and returns the trigger values. */
function decoded(frame: unknown) {
  const result = decodeMessage(JSON.stringify(frame))
  if (!result.ok) throw new Error(`undecodable: ${JSON.stringify(frame)}`)
  expect(result.errors).toEqual([])
  return result.responses.map((r) => r.value)
}

/** Kraken's ohlc updates for one candle: re-sent as it grows. */
function ohlcFrames(c: CandleRow): unknown[] {
  const partial = {
    ...c,
    close: c.open,
    high: c.open,
    low: c.open,
    volume: 0,
    trades: 0,
  }
  return [partial, c, c].map((candle) => ({
    channel: 'ohlc',
    type: 'update',
    data: [candle],
  }))
}

describe('createMarketFeed', () => {
  test('default: decoded ohlc updates drive an indicator, the open candle replaced', () => {
    const engine = createAlertEngine()
    const feed = createMarketFeed({ sink: engine })
    feed.track({
      name: 'rsi14',
      symbol: 'BTC/USD',
      channel: 'ohlc',
      interval: 1,
      indicator: rsi(14),
      input: (c) => c.close,
    })
    feed.track({
      name: 'close',
      symbol: 'BTC/USD',
      channel: 'ohlc',
      interval: 1,
      field: 'close',
    })
    // Another interval and another symbol must not leak in.
    feed.track({
      name: 'eth',
      symbol: 'ETH/USD',
      channel: 'ohlc',
      interval: 1,
      field: 'close',
    })
    engine.add({ id: 'hot', on: 'rsi14', op: 'gt', value: 0 })
    for (const c of candles)
      for (const frame of ohlcFrames(c))
        for (const value of decoded(frame)) feed.handle(value)
    const reference = naiveRsi(
      candles.map((c) => c.close),
      14,
    )
    expect(feed.result('rsi14')).toBeCloseTo(reference.at(-1) ?? Number.NaN, 9)
    expect(feed.result('close')).toBe(candles.at(-1)?.close)
    expect(feed.result('eth')).toBeNull()
    expect(engine.status('hot')).toMatchObject({
      firedCount: 1,
      lastValue: feed.result('rsi14'),
    })
  })

  test('behavior: trades feed time-window indicators at trade time', () => {
    const feed = createMarketFeed()
    feed.track({
      name: 'z',
      symbol: 'BTC/USD',
      channel: 'trade',
      indicator: rollingStats({ window: 10_000 }),
      input: (t, at) => ({ value: t.price, at }),
    })
    feed.track({
      name: 'vwap30s',
      symbol: 'BTC/USD',
      channel: 'trade',
      indicator: tradeVwap({ window: 30_000 }),
      input: (t, at) => ({ price: t.price, qty: t.qty, at }),
    })
    const frame = {
      channel: 'trade',
      type: 'update',
      data: trades.map((t, i) => ({
        symbol: 'BTC/USD',
        side: i % 2 === 0 ? 'buy' : 'sell',
        price: t.price,
        qty: t.qty,
        ord_type: 'limit',
        trade_id: i + 1,
        timestamp: t.timestamp,
      })),
    }
    for (const value of decoded(frame)) feed.handle(value)
    const end = trades.at(-1)?.at ?? 0
    const inside = trades.filter((t) => t.at > end - 30_000)
    const pv = inside.reduce((a, t) => a + t.price * t.qty, 0)
    const v = inside.reduce((a, t) => a + t.qty, 0)
    expect(feed.result('vwap30s')).toBeCloseTo(pv / v, 7)
    expect(feed.result('z')).toMatchObject({
      count: trades.filter((t) => t.at > end - 10_000).length,
    })
  })

  test("behavior: a real ticker frame from Kraken's docs publishes its fields", () => {
    const engine = createAlertEngine()
    const feed = createMarketFeed({ sink: engine })
    feed.track({
      name: 'algo.last',
      symbol: 'ALGO/USD',
      channel: 'ticker',
      field: 'last',
    })
    engine.add({ id: 'up', on: 'algo.last', op: 'gt', value: 0.1 })
    const alerts: string[] = []
    const frame = {
      channel: 'ticker',
      type: 'update',
      data: [
        {
          symbol: 'ALGO/USD',
          bid: 0.10025,
          bid_qty: 740.0,
          ask: 0.10035,
          ask_qty: 740.0,
          last: 0.10035,
          volume: 997038.98383185,
          vwap: 0.10148,
          low: 0.09979,
          high: 0.10285,
          change: -0.00017,
          change_pct: -0.17,
          timestamp: '2023-09-25T09:04:31.742648Z',
        },
      ],
    }
    for (const value of decoded(frame)) {
      feed.handle(value)
      alerts.push(
        ...engine
          .check()
          .filter((s) => s.firedCount > 0)
          .map((s) => s.id),
      )
    }
    expect(feed.result('algo.last')).toBe(0.10035)
    expect(alerts).toEqual(['up'])
  })

  test('behavior: book features follow the book, and an out-of-sync book blocks', () => {
    const engine = createAlertEngine()
    const feed = createMarketFeed({ sink: engine })
    const book = createBook({ symbol: 'BTC/USD', depth: 10 })
    feed.trackBook({
      name: 'btc',
      symbol: 'BTC/USD',
      book,
      options: { depthBps: 10 },
    })
    engine.add({ id: 'tight', on: 'btc.spread', op: 'lt', value: 20 })
    const snapshot = {
      channel: 'book',
      type: 'snapshot',
      data: [
        {
          symbol: 'BTC/USD',
          bids: [{ price: 60000.0, qty: 1.5 }],
          asks: [{ price: 60010.0, qty: 0.5 }],
          checksum: 0,
        },
      ],
    }
    // Learn the checksum the book computes, then send the frame with it.
    const probe = createBook({ symbol: 'BTC/USD', depth: 10 })
    for (const value of decoded(snapshot)) probe.apply(value as never)
    const [level] = snapshot.data
    if (level !== undefined)
      snapshot.data[0] = { ...level, checksum: probe.checksum() }
    const values = decoded(snapshot)
    for (const value of values) {
      expect(book.apply(value as never).ok).toBe(true)
      feed.handle(value)
    }
    expect(feed.result('btc')).toMatchObject({ spread: 10, mid: 60005 })
    expect(engine.status('tight')).toMatchObject({ firedCount: 1 })

    const broken = decoded({
      channel: 'book',
      type: 'update',
      data: [
        {
          symbol: 'BTC/USD',
          bids: [{ price: 60001.0, qty: 1 }],
          asks: [],
          checksum: 1,
        },
      ],
    })
    for (const value of broken) {
      expect(book.apply(value as never).ok).toBe(false)
      feed.handle(value)
    }
    expect(feed.result('btc')).toBeNull()
    expect(engine.status('tight')).toMatchObject({
      state: 'blocked',
      blocked: { reason: 'out_of_sync', series: 'btc.spread' },
    })
  })

  test('behavior: untrack, and values of other channels are ignored', () => {
    const feed = createMarketFeed()
    feed.track({
      name: 'p',
      symbol: 'BTC/USD',
      channel: 'trade',
      field: 'price',
    })
    feed.handle({ channel: 'heartbeat' })
    feed.handle({ method: 'pong' })
    expect(feed.untrack('p')).toBe(true)
    expect(feed.untrack('p')).toBe(false)
    expect(feed.result('p')).toBeNull()
  })

  test('error: a name tracked twice', () => {
    const feed = createMarketFeed()
    feed.track({
      name: 'p',
      symbol: 'BTC/USD',
      channel: 'trade',
      field: 'price',
    })
    expect(() =>
      feed.track({
        name: 'p',
        symbol: 'ETH/USD',
        channel: 'ticker',
        field: 'last',
      }),
    ).toThrow(DuplicateSeriesError)
  })
})
