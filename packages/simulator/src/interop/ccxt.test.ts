import { afterEach, describe, expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { type CcxtKraken, ccxtAgainst, urlsOf } from './testing/ccxtKraken.js'

const open = closeAfterEach()
const exchanges: CcxtKraken[] = []
afterEach(async () => {
  for (const exchange of exchanges.splice(0)) await exchange.close()
})

const LOOPBACK = /^(https?|wss?):\/\/127\.0\.0\.1:\d+(\/|$)/

async function setup() {
  const simulator = await startSimulator({ rate: 50, seed: 'ccxt' })
  open.simulators.push(simulator)
  const exchange = await ccxtAgainst(simulator)
  exchanges.push(exchange)
  return { simulator, exchange }
}

// ccxt is a client nobody here wrote: it must work against the simulator unchanged.
describe('ccxt 4.5 (kraken, pro) against the simulator', () => {
  test('every URL ccxt could use is on loopback', async () => {
    const { exchange } = await setup()
    const urls = urlsOf(exchange.urls.api)
    expect(urls.length).toBeGreaterThan(5)
    for (const url of urls) expect(url).toMatch(LOOPBACK)
  })

  test('loadMarkets reads Assets and AssetPairs', async () => {
    const { exchange } = await setup()
    const markets = await exchange.loadMarkets()
    const btc = markets['BTC/USD']
    expect(btc).toMatchObject({
      id: 'XXBTZUSD',
      wsId: 'XBT/USD',
      base: 'BTC',
      quote: 'USD',
      spot: true,
      active: true,
    })
    expect(btc?.precision.price).toBe(0.1)
    expect(btc?.precision.amount).toBe(1e-8)
    expect(btc?.limits.amount?.min).toBe(0.00005)
    expect(btc?.limits.cost?.min).toBe(0.5)
    expect(btc?.taker).toBe(0.004)
    expect(btc?.maker).toBe(0.0025)
    expect(Object.keys(markets)).toEqual(
      expect.arrayContaining(['ETH/BTC', 'SOL/USD', 'XRP/USD', 'EUR/USD']),
    )
    expect(exchange.currencies.BTC?.id).toBe('XXBT')
  })

  test('watchTicker, watchOrderBook (checksummed) and watchTrades stream', async () => {
    const { exchange } = await setup()
    await exchange.loadMarkets()
    const ticker = await exchange.watchTicker('BTC/USD')
    expect(ticker.symbol).toBe('BTC/USD')
    expect(ticker.bid).toBeLessThan(ticker.ask ?? 0)
    // Several updates: ccxt verifies Kraken's CRC32 on each and throws on a mismatch.
    let book = await exchange.watchOrderBook('BTC/USD', 10)
    for (let i = 0; i < 5; i++)
      book = await exchange.watchOrderBook('BTC/USD', 10)
    expect(book.bids.length).toBe(10)
    expect(book.asks.length).toBe(10)
    expect(book.bids[0]?.[0]).toBeLessThan(book.asks[0]?.[0] ?? 0)
    const trades = await exchange.watchTrades('BTC/USD')
    expect(trades.length).toBeGreaterThan(0)
    expect(trades[0]?.symbol).toBe('BTC/USD')
    expect(['buy', 'sell']).toContain(trades[0]?.side)
  })

  test('createOrderWs, watchOrders, cancelOrderWs and watchBalance trade on the exchange', async () => {
    const { simulator, exchange } = await setup()
    await exchange.loadMarkets()
    const balance = await exchange.watchBalance()
    expect(balance.BTC?.total).toBe(10)
    expect(balance.USD?.total).toBe(1_000_000)

    const ordersSeen = exchange.watchOrders('BTC/USD')
    const placed = await exchange.createOrderWs(
      'BTC/USD',
      'limit',
      'buy',
      0.01,
      50_000,
    )
    expect(placed.id).toMatch(/^O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$/)
    const seen = await ordersSeen
    expect(seen.some((order) => order.id === placed.id)).toBe(true)
    const resting = simulator.exchange.executionsSnapshot('default')
    expect(resting.map((r) => r.order_id)).toEqual([placed.id])

    // REST, signed by ccxt: the resting order, and what it holds.
    const restOpen = await exchange.fetchOpenOrders('BTC/USD')
    expect(restOpen.map((o) => [o.id, o.status, o.price, o.amount])).toEqual([
      [placed.id, 'open', 50_000, 0.01],
    ])
    const held = await exchange.fetchBalance()
    expect(held.USD?.used).toBeCloseTo(0.01 * 50_000 * 1.004, 4)

    // Kraken's `canceled` update is sparse (no `symbol`, as documented), and
    // ccxt 4.5 resolves only the symbol-less watchOrders() for it: a ccxt
    // divergence (its per-symbol cache never merges the update).
    const canceledSeen = exchange.watchOrders()
    const canceled = await exchange.cancelOrderWs(placed.id ?? '')
    // ccxt 4.5 resolves cancelOrderWs with Kraken's raw response, not an order.
    expect(canceled).toMatchObject({
      method: 'cancel_order',
      success: true,
      result: { order_id: placed.id },
    })
    const afterCancel = await canceledSeen
    expect(
      afterCancel.some((o) => o.id === placed.id && o.status === 'canceled'),
    ).toBe(true)
    expect(simulator.exchange.executionsSnapshot('default')).toEqual([])
    const fetched = await exchange.fetchOrder(placed.id ?? '')
    expect(fetched.status).toBe('canceled')

    // A taker buy moves the base balance; watchBalance sees the ledger update.
    const balanceSeen = exchange.watchBalance()
    const bought = await exchange.createOrderWs(
      'BTC/USD',
      'market',
      'buy',
      0.02,
    )
    const after = await balanceSeen
    expect(after.BTC?.total).toBeCloseTo(10.02, 8)
    const mine = await exchange.fetchMyTrades('BTC/USD')
    expect(mine.every((t) => t.order === bought.id)).toBe(true)
    expect(mine.reduce((sum, t) => sum + (t.amount ?? 0), 0)).toBeCloseTo(
      0.02,
      8,
    )
    const closed = await exchange.fetchClosedOrders('BTC/USD')
    expect(closed.map((o) => [o.id, o.status])).toEqual(
      expect.arrayContaining([
        [bought.id, 'closed'],
        [placed.id, 'canceled'],
      ]),
    )
  })
})
