import { describe, expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { callPublic } from '../testing/privateRest.js'

const open = closeAfterEach()
const NOW = Date.UTC(2026, 11, 7, 2, 10, 0)

async function start() {
  const simulator = await startSimulator({ rate: 0, now: () => NOW })
  open.simulators.push(simulator)
  return simulator
}

type Result = Record<string, unknown>
const resultOf = (json: Result) => {
  expect(json.error).toEqual([])
  return json.result as Record<string, Result>
}

describe('public REST market data', () => {
  test('Time and SystemStatus answer in Kraken shapes', async () => {
    const { restUrl } = await start()
    expect(resultOf(await callPublic(restUrl, 'Time'))).toEqual({
      unixtime: NOW / 1000,
      rfc1123: 'Mon, 07 Dec 26 02:10:00 +0000',
    })
    expect(resultOf(await callPublic(restUrl, 'SystemStatus'))).toEqual({
      status: 'online',
      timestamp: '2026-12-07T02:10:00Z',
    })
  })

  test('Assets keys legacy assets with X/Z ids and altnames', async () => {
    const { restUrl } = await start()
    const assets = resultOf(await callPublic(restUrl, 'Assets'))
    expect(assets.XXBT).toMatchObject({
      aclass: 'currency',
      altname: 'XBT',
      decimals: 10,
      display_decimals: 5,
      status: 'enabled',
    })
    expect(assets.ZUSD).toMatchObject({ altname: 'USD', decimals: 4 })
    expect(assets.SOL).toMatchObject({ altname: 'SOL' })
    const one = resultOf(await callPublic(restUrl, 'Assets', { asset: 'XBT' }))
    expect(Object.keys(one)).toEqual(['XXBT'])
    expect(await callPublic(restUrl, 'Assets', { asset: 'NOPE' })).toEqual({
      error: ['EQuery:Unknown asset'],
    })
  })

  test('AssetPairs carries the fields clients read, from the pair specs', async () => {
    const { restUrl } = await start()
    const pairs = resultOf(await callPublic(restUrl, 'AssetPairs'))
    expect(Object.keys(pairs)).toContain('XXBTZUSD')
    expect(Object.keys(pairs)).toContain('SOLUSD')
    expect(Object.keys(pairs)).toContain('XETHXXBT')
    expect(pairs.XXBTZUSD).toMatchObject({
      altname: 'XBTUSD',
      wsname: 'XBT/USD',
      base: 'XXBT',
      quote: 'ZUSD',
      pair_decimals: 1,
      cost_decimals: 5,
      lot_decimals: 8,
      ordermin: '0.00005000',
      costmin: '0.50',
      tick_size: '0.1',
      status: 'online',
    })
    // Kraken's spot schedule, as Kraken's own AssetPairs lists it.
    expect(pairs.XXBTZUSD?.fees).toEqual([
      [0, 0.4],
      [10_000, 0.35],
      [50_000, 0.24],
      [100_000, 0.22],
      [250_000, 0.2],
      [500_000, 0.18],
      [1_000_000, 0.16],
      [2_500_000, 0.14],
      [5_000_000, 0.12],
      [10_000_000, 0.1],
    ])
    expect(pairs.XXBTZUSD?.fees_maker).toEqual([
      [0, 0.25],
      [10_000, 0.2],
      [50_000, 0.14],
      [100_000, 0.12],
      [250_000, 0.1],
      [500_000, 0.08],
      [1_000_000, 0.06],
      [2_500_000, 0.04],
      [5_000_000, 0.02],
      [10_000_000, 0],
    ])
    for (const name of ['XBTUSD', 'XBT/USD', 'BTC/USD', 'xxbtzusd']) {
      const one = resultOf(
        await callPublic(restUrl, 'AssetPairs', { pair: name }),
      )
      expect(Object.keys(one)).toEqual(['XXBTZUSD'])
    }
    expect(await callPublic(restUrl, 'AssetPairs', { pair: 'FOO' })).toEqual({
      error: ['EQuery:Unknown asset pair'],
    })
  })

  test('Ticker and Depth read the simulated book', async () => {
    const simulator = await start()
    const ticker = resultOf(
      await callPublic(simulator.restUrl, 'Ticker', { pair: 'XBTUSD' }),
    ).XXBTZUSD as Record<string, string[]>
    const depth = resultOf(
      await callPublic(simulator.restUrl, 'Depth', {
        pair: 'XBTUSD',
        count: '3',
      }),
    ).XXBTZUSD as Record<string, [string, string, number][]>
    expect(depth.bids).toHaveLength(3)
    expect(depth.asks).toHaveLength(3)
    expect(ticker.b?.[0]).toBe(depth.bids?.[0]?.[0])
    expect(ticker.a?.[0]).toBe(depth.asks?.[0]?.[0])
    expect(Number(depth.bids?.[0]?.[0])).toBeGreaterThan(
      Number(depth.bids?.[1]?.[0]),
    )
    expect(Number(depth.asks?.[0]?.[0])).toBeLessThan(
      Number(depth.asks?.[1]?.[0]),
    )
    expect(depth.bids?.[0]?.[1]).toMatch(/^\d+\.\d{8}$/)
    expect(Number(ticker.b?.[0])).toBeLessThan(Number(ticker.a?.[0]))
    expect(ticker.c).toHaveLength(2)
    expect(ticker.v).toHaveLength(2)
    expect(typeof ticker.o).toBe('string')
  })

  test('OHLC and Trades answer with Kraken rows and a last cursor', async () => {
    const { restUrl } = await start()
    const ohlc = resultOf(
      await callPublic(restUrl, 'OHLC', { pair: 'ETHUSD', interval: '5' }),
    )
    const candles = ohlc.XETHZUSD as unknown as unknown[][]
    expect(candles.length).toBeGreaterThan(1)
    expect(candles[0]).toHaveLength(8)
    expect((candles[0]?.[0] as number) % 300).toBe(0)
    expect(typeof ohlc.last).toBe('number')
    expect(
      await callPublic(restUrl, 'OHLC', { pair: 'ETHUSD', interval: '7' }),
    ).toEqual({
      error: ['EGeneral:Invalid arguments'],
    })
    const trades = resultOf(
      await callPublic(restUrl, 'Trades', { pair: 'XBTUSD' }),
    )
    const rows = trades.XXBTZUSD as unknown as unknown[][]
    expect(rows).toHaveLength(50)
    expect(rows[0]).toHaveLength(7)
    expect(['b', 's']).toContain(rows[0]?.[3])
    expect(['m', 'l']).toContain(rows[0]?.[4])
    expect(trades.last).toMatch(/^\d+$/)
    const later = resultOf(
      await callPublic(restUrl, 'Trades', {
        pair: 'XBTUSD',
        since: String(trades.last),
      }),
    )
    expect(later.XXBTZUSD).toEqual([])
  })

  test('a pair-scoped method without a pair is refused', async () => {
    const { restUrl } = await start()
    expect(await callPublic(restUrl, 'Depth')).toEqual({
      error: ['EGeneral:Invalid arguments'],
    })
  })
})
