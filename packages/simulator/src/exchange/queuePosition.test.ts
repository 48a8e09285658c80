/**
 * Queue position of resting orders: where the market's queue at a price is
 * known (the simulator: a client subscribes level3 for the symbol), a
 * resting order fills only after the quantity ahead of it is traded away;
 * elsewhere the L2 model fills it at the first trade at its price.
 */
import { describe, expect, test } from 'vitest'
import { limitBuy, setup, useFakeClockAt } from './testing/harness.js'

useFakeClockAt('2023-09-22T10:33:05.709Z')

/** A market whose bid queue at each price is set by the test. */
function queuedMarket(modelled = true) {
  const bids = new Map<number, number>()
  const harness = setup({
    queueLevel: (_symbol, side, price) =>
      modelled && side === 'buy' ? (bids.get(price) ?? 0) : undefined,
  })
  harness.exchange.onMarketPrice('BTC/USD', 26_590, 26_600)
  const trades = () =>
    harness.executions().filter((report) => report.exec_type === 'trade')
  return { ...harness, bids, trades }
}

/** A sell trade of `qty` printing at `price` (the market's bid is hit). */
function sellTrade(
  market: ReturnType<typeof queuedMarket>,
  price: number,
  qty: number,
) {
  const before = market.bids.get(price) ?? 0
  market.bids.set(price, Math.max(0, before - qty))
  market.exchange.onMarketPrice('BTC/USD', 26_590, price, qty)
}

describe('queue position', () => {
  test('a resting buy fills only after the 0.05 ahead of it traded', () => {
    const market = queuedMarket()
    market.bids.set(26_590, 0.05)
    market.send('add_order', limitBuy(26_590, { order_qty: 0.02 }))
    sellTrade(market, 26_590, 0.03)
    expect(market.trades()).toEqual([])
    // 0.02 still ahead: this trade takes it, then 0.01 of ours.
    sellTrade(market, 26_590, 0.03)
    expect(market.trades()).toMatchObject([
      { last_qty: 0.01, last_price: 26_590, liquidity_ind: 'm' },
    ])
    // Nothing ahead now: the next trade goes to us first.
    sellTrade(market, 26_590, 0.04)
    expect(market.trades().map((t) => t.last_qty)).toEqual([0.01, 0.01])
    expect(market.executions().at(-1)).toMatchObject({ exec_type: 'filled' })
  })

  test('orders ahead that cancel move the order up the queue', () => {
    const market = queuedMarket()
    market.bids.set(26_590, 0.05)
    market.send('add_order', limitBuy(26_590, { order_qty: 0.02 }))
    // The level shrinks to 0.01 without trading: cancels ahead of us.
    market.bids.set(26_590, 0.01)
    market.exchange.onMarketPrice('BTC/USD', 26_590, 26_600)
    sellTrade(market, 26_590, 0.02)
    expect(market.trades()).toMatchObject([{ last_qty: 0.01 }])
  })

  test('a trade through the price fills regardless of the queue', () => {
    const market = queuedMarket()
    market.bids.set(26_590, 0.05)
    market.send('add_order', limitBuy(26_590, { order_qty: 0.02 }))
    market.exchange.onMarketPrice('BTC/USD', 26_580, 26_589, 0.5)
    expect(market.trades()).toMatchObject([{ last_qty: 0.02 }])
  })

  test('an amend that loses priority rejoins the back of the queue', () => {
    const market = queuedMarket()
    market.bids.set(26_590, 0.01)
    const [ack] = market.send(
      'add_order',
      limitBuy(26_590, { order_qty: 0.02 }),
    )
    const orderId = (ack as unknown as { result: { order_id: string } }).result
      .order_id
    // 0.04 more joined behind us; growing the order puts us behind it.
    market.bids.set(26_590, 0.05)
    market.send('amend_order', { order_id: orderId, order_qty: 0.03 })
    sellTrade(market, 26_590, 0.05)
    expect(market.trades()).toEqual([])
  })

  test('without a queue (the L2 model) the first trade at the price fills', () => {
    const market = queuedMarket(false)
    market.bids.set(26_590, 0.05)
    market.send('add_order', limitBuy(26_590, { order_qty: 0.02 }))
    sellTrade(market, 26_590, 0.03)
    expect(market.trades()).toMatchObject([{ last_qty: 0.02 }])
  })
})
