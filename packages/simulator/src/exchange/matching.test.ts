import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { limitBuy, receivedSamples, setup, shapeOf } from './testing/harness.js'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2023-09-22T10:33:05.709Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const firstItem = (m: Record<string, unknown>) => (m.data as unknown[])[0]

describe('matching', () => {
  test('default', () => {
    const { send, exchange, executions, ledger, clear } = setup()
    exchange.onMarketPrice('BTC/USD', 26_590, 26_600)
    send('add_order', {
      order_type: 'limit',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 0.005,
      limit_price: 26_599.9,
      order_userref: 3,
    })
    clear()
    exchange.onMarketPrice('BTC/USD', 26_599.9, 26_600)
    const [trade, filled, ...rest] = executions()
    expect(rest).toEqual([])
    const tradeSample = receivedSamples('executions', (m) =>
      JSON.stringify(m).includes('"trade"'),
    ).map(firstItem)[0]
    expect(shapeOf(trade)).toEqual(shapeOf(tradeSample))
    expect(trade).toMatchObject({
      exec_type: 'trade',
      order_status: 'partially_filled',
      last_qty: 0.005,
      last_price: 26_599.9,
      cost: 132.9995,
      liquidity_ind: 'm',
      cum_qty: 0.005,
      cum_cost: 132.9995,
      avg_price: 26_599.9,
      fees: [{ asset: 'USD', qty: 0.3325 }],
      trade_id: 1,
    })
    expect(filled).toMatchObject({
      exec_type: 'filled',
      order_status: 'filled',
      cum_qty: 0.005,
    })
    const [base, quote] = ledger()
    const ledgerSample = receivedSamples('balances', (m) =>
      JSON.stringify(m).includes('"trade"'),
    ).map(firstItem)[0]
    expect(shapeOf(base)).toEqual(shapeOf(ledgerSample))
    expect(base).toMatchObject({
      asset: 'BTC',
      type: 'trade',
      amount: -0.005,
      fee: 0,
      balance: 1.995,
    })
    expect(quote).toMatchObject({
      asset: 'USD',
      amount: 132.9995,
      fee: 0.3325,
      balance: 100_132.667,
    })
    expect(base?.ref_id).toBe(trade?.exec_id)
    expect(quote?.ref_id).toBe(trade?.exec_id)
    expect(exchange.balancesSnapshot('alice')).toEqual([
      {
        asset: 'BTC',
        asset_class: 'currency',
        balance: 1.995,
        wallets: [{ type: 'spot', id: 'main', balance: 1.995 }],
      },
      {
        asset: 'USD',
        asset_class: 'currency',
        balance: 100_132.667,
        wallets: [{ type: 'spot', id: 'main', balance: 100_132.667 }],
      },
    ])
  })

  test('behavior: partial fills follow the traded quantity', () => {
    const { send, exchange, executions, clear } = setup()
    send('add_order', limitBuy(26_000, { order_qty: 0.01 }))
    clear()
    exchange.onMarketPrice('BTC/USD', 25_990, 26_000, 0.004)
    exchange.onMarketPrice('BTC/USD', 25_990, 26_000, 0.004)
    expect(executions().map((r) => [r.exec_type, r.cum_qty])).toEqual([
      ['trade', 0.004],
      ['trade', 0.008],
    ])
    expect(exchange.executionsSnapshot('alice')[0]).toMatchObject({
      order_status: 'partially_filled',
      cum_qty: 0.008,
    })
    exchange.onMarketPrice('BTC/USD', 25_990, 26_000, 0.004)
    expect(executions().map((r) => [r.exec_type, r.cum_qty])).toEqual([
      ['trade', 0.004],
      ['trade', 0.008],
      ['trade', 0.01],
      ['filled', 0.01],
    ])
    expect(exchange.executionsSnapshot('alice')).toEqual([])
    expect(
      exchange.executionsSnapshot('alice', { snapTrades: true }),
    ).toHaveLength(3)
  })

  test('behavior: a price that does not cross leaves the order resting', () => {
    const { send, exchange, executions, clear } = setup()
    send('add_order', limitBuy(26_000))
    clear()
    exchange.onMarketPrice('BTC/USD', 26_000, 26_000.1)
    expect(executions()).toEqual([])
  })

  test('behavior: market and marketable limit orders take at the touch', () => {
    const { send, exchange, executions, clear } = setup()
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    send('add_order', {
      order_type: 'market',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: 0.01,
    })
    expect(executions().map((r) => r.exec_type)).toEqual([
      'pending_new',
      'new',
      'trade',
      'filled',
    ])
    expect(executions()[2]).toMatchObject({
      last_price: 26_500.1,
      liquidity_ind: 't',
    })
    clear()
    send('add_order', {
      ...limitBuy(27_000),
      side: 'sell',
      limit_price: 26_000,
    })
    expect(executions()[2]).toMatchObject({
      last_price: 26_500,
      liquidity_ind: 't',
      side: 'sell',
    })
  })

  test('behavior: a market order waits for the first price', () => {
    const { send, exchange, executions } = setup()
    send('add_order', {
      order_type: 'market',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 0.01,
    })
    expect(executions().map((r) => r.exec_type)).toEqual(['pending_new', 'new'])
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    expect(executions().map((r) => r.exec_type)).toEqual([
      'pending_new',
      'new',
      'trade',
      'filled',
    ])
  })

  test('behavior: IOC cancels the rest, FOK fills all or nothing', () => {
    const { send, exchange, executions, clear } = setup()
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
    send('add_order', limitBuy(26_000, { time_in_force: 'ioc' }))
    expect(executions().map((r) => r.exec_type)).toEqual([
      'pending_new',
      'new',
      'canceled',
    ])
    clear()
    send('add_order', limitBuy(26_000, { time_in_force: 'fok' }))
    expect(executions().map((r) => r.exec_type)).toEqual([
      'pending_new',
      'canceled',
    ])
    clear()
    send('add_order', limitBuy(26_600, { time_in_force: 'fok' }))
    expect(executions().map((r) => r.exec_type)).toEqual([
      'pending_new',
      'new',
      'trade',
      'filled',
    ])
  })

  test('behavior: stop-loss and take-profit fire on the reference price', () => {
    const { send, exchange, executions, clear } = setup()
    exchange.onMarketPrice('BTC/USD', 26_500, 26_500.2)
    send('add_order', {
      order_type: 'stop-loss',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 0.01,
      triggers: { price: 26_000 },
    })
    send('add_order', {
      order_type: 'take-profit-limit',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 0.01,
      limit_price: 26_900,
      triggers: { price: 27_000 },
    })
    expect(executions()[0]).toMatchObject({
      triggers: {
        price: 26_000,
        price_type: 'static',
        reference: 'last',
        status: 'untriggered',
      },
      stop_price: 26_000,
    })
    expect(exchange.restingOrders('BTC/USD')).toEqual({ bids: [], asks: [] })
    clear()
    exchange.onMarketPrice('BTC/USD', 26_100, 26_100.2)
    expect(executions()).toEqual([])
    exchange.onMarketPrice('BTC/USD', 25_999.9, 26_000)
    expect(executions().map((r) => [r.exec_type, r.last_price])).toEqual([
      ['trade', 25_999.9],
      ['filled', undefined],
    ])
    clear()
    exchange.onMarketPrice('BTC/USD', 27_000, 27_000.2)
    expect(executions().map((r) => [r.exec_type, r.last_price])).toEqual([
      ['trade', 27_000],
      ['filled', undefined],
    ])
  })

  test('behavior: a trailing stop follows the peak', () => {
    const { send, exchange, executions, clear } = setup()
    exchange.onMarketPrice('BTC/USD', 100, 100)
    send('add_order', {
      order_type: 'trailing-stop',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: 0.01,
      triggers: { price: 10, price_type: 'pct' },
    })
    clear()
    exchange.onMarketPrice('BTC/USD', 200, 200)
    exchange.onMarketPrice('BTC/USD', 185, 185)
    expect(executions()).toEqual([])
    exchange.onMarketPrice('BTC/USD', 180, 180)
    expect(executions()[0]).toMatchObject({
      exec_type: 'trade',
      last_price: 180,
    })
  })

  test('behavior: the simulated book lists resting orders best first', () => {
    const { send, exchange } = setup()
    send('add_order', limitBuy(25_000))
    send('add_order', limitBuy(26_000))
    send('add_order', { ...limitBuy(30_000), side: 'sell' })
    const book = exchange.restingOrders('BTC/USD')
    expect(book.bids.map((o) => o.limit_price)).toEqual([26_000, 25_000])
    expect(book.asks).toEqual([
      {
        order_id: expect.stringMatching(
          /^O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$/,
        ),
        limit_price: 30_000,
        order_qty: 0.01,
        timestamp: '2023-09-22T10:33:05.709000Z',
      },
    ])
  })

  test('behavior: no matching outside online', () => {
    const { send, exchange, executions, clear } = setup()
    send('add_order', limitBuy(26_000))
    clear()
    exchange.setSystemStatus('cancel_only')
    exchange.onMarketPrice('BTC/USD', 25_000, 25_000.1)
    expect(executions()).toEqual([])
    exchange.setSystemStatus('online')
    exchange.onMarketPrice('BTC/USD', 25_000, 25_000.1)
    expect(executions().map((r) => r.exec_type)).toEqual(['trade', 'filled'])
  })

  test('behavior: deposits emit a ledger update shaped like Kraken', () => {
    const { exchange, ledger } = setup()
    exchange.deposit('alice', 'BTC', 0.01)
    const sample = receivedSamples('balances', (m) =>
      JSON.stringify(m).includes('"deposit"'),
    ).map(firstItem)[0]
    expect(shapeOf(ledger()[0])).toEqual(shapeOf(sample))
    expect(ledger()[0]).toMatchObject({
      type: 'deposit',
      amount: 0.01,
      balance: 2.01,
    })
  })
})
