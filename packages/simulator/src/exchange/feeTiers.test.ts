/**
 * Fees by tier: fills charge the account's tier of Kraken's spot schedule
 * by its 30-day volume (the volume before the fill), and the window slides.
 */
import { describe, expect, test, vi } from 'vitest'
import { KRAKEN_SPOT_FEE_TIERS, ratesAt } from './feeTiers.js'
import { limitBuy, setup, useFakeClockAt } from './testing/harness.js'

useFakeClockAt('2023-09-22T10:33:05.709Z')

describe("Kraken's spot fee schedule", () => {
  test('tiers by 30-day USD volume, as Kraken lists them', () => {
    const tiers = { tiers: KRAKEN_SPOT_FEE_TIERS }
    expect(ratesAt(tiers, 0)).toEqual({ maker: 0.0025, taker: 0.004 })
    expect(ratesAt(tiers, 9_999.99)).toEqual({ maker: 0.0025, taker: 0.004 })
    expect(ratesAt(tiers, 10_000)).toEqual({ maker: 0.002, taker: 0.0035 })
    expect(ratesAt(tiers, 75_000)).toEqual({ maker: 0.0014, taker: 0.0024 })
    expect(ratesAt(tiers, 10_000_000)).toEqual({ maker: 0, taker: 0.001 })
    expect(ratesAt({ maker: 0.001, taker: 0.002 }, 1e9)).toEqual({
      maker: 0.001,
      taker: 0.002,
    })
  })

  test('a fill pays the tier its 30-day volume reached before it', () => {
    const { send, exchange, executions } = setup({
      balances: { alice: { USD: 1_000_000, BTC: 10 } },
    })
    exchange.onMarketPrice('BTC/USD', 25_000, 25_000.1)
    const buy = () =>
      send('add_order', {
        order_type: 'market',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: 0.5,
      })
    const fees = () =>
      executions()
        .filter((report) => report.exec_type === 'trade')
        .map((report) => report.fees?.[0]?.qty)
    buy() // 12,500.05 at 0.40 %: the account had no volume.
    buy() // 12,500.05 at 0.35 %: 12,500.05 reached the $10,000 tier.
    expect(fees()).toEqual([50.0002, 43.7502])
    // 30 days later the first fills left the window: back to 0.40 %.
    vi.advanceTimersByTime(30 * 24 * 60 * 60 * 1000 + 1)
    buy()
    expect(fees().at(-1)).toBe(50.0002)
  })

  test('a maker fill pays the maker rate of the tier', () => {
    const { send, exchange, executions } = setup()
    exchange.onMarketPrice('BTC/USD', 26_590, 26_600)
    send('add_order', limitBuy(26_590, { order_qty: 0.01 }))
    exchange.onMarketPrice('BTC/USD', 26_580, 26_589)
    const trade = executions().find((report) => report.exec_type === 'trade')
    // 265.90 at 0.25 %.
    expect(trade).toMatchObject({
      liquidity_ind: 'm',
      fees: [{ asset: 'USD', qty: 0.6648 }],
    })
  })
})
