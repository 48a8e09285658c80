import {
  TickerUpdateResponse,
  TradesUpdateResponse,
} from '@kraken-sockets/runtime'
import { expect, test } from 'vitest'
import { MarketState } from './marketState.js'
import { decodeAs } from './testing/decodeAs.js'
import { bookHeadline, renderScreen, renderSummary } from './view.js'

const NOW = Date.parse('2026-01-02T03:04:05.678Z')

function ticker(symbol: string, last: number, change_pct: number) {
  return decodeAs(TickerUpdateResponse, {
    channel: 'ticker',
    type: 'update',
    data: [
      {
        symbol,
        bid: last - 0.1,
        bid_qty: 1.5,
        ask: last,
        ask_qty: 0.25,
        last,
        volume: 1234.5,
        vwap: last,
        low: last - 100,
        high: last + 100,
        change: 1,
        change_pct,
      },
    ],
  })
}

const trades = decodeAs(TradesUpdateResponse, {
  channel: 'trade',
  type: 'update',
  data: [
    {
      symbol: 'BTC/USD',
      side: 'buy',
      price: 65000.1,
      qty: 0.0015,
      ord_type: 'limit',
      trade_id: 7,
      timestamp: '2026-01-02T03:04:05.123456Z',
    },
  ],
}).trades

function filledState(): MarketState {
  const state = new MarketState('simulator ws://127.0.0.1:1/v2', 'BTC/USD', {
    now: () => NOW,
  })
  state.ticker(ticker('BTC/USD', 65000.1, 1.25))
  state.ticker(ticker('ETH/USD', 3200.5, -0.5))
  state.trades(trades)
  state.readBookFrom(() => ({
    symbol: 'BTC/USD',
    state: 'in-sync',
    bids: [
      { price: '65000.0', qty: '0.50000000' },
      { price: '64999.9', qty: '1.00000000' },
    ],
    asks: [{ price: '65000.1', qty: '0.25000000' }],
    verified: 12,
    mismatches: 0,
    resyncs: 0,
  }))
  state.note('Socket open. endpoint=public reconnect=false')
  return state
}

test('default: the summary line', () => {
  expect(renderSummary(filledState(), NOW)).toMatchInlineSnapshot(
    `"03:04:05 tickers BTC/USD 65000.1 ETH/USD 3200.5 | trades 1, last buy 0.0015 @ 65000.1 | book BTC/USD in sync, bid 65000.0 ask 65000.1 spread 0.1, checksum ok (12 verified, 0 mismatches, 0 resyncs)"`,
  )
})

test('default: the screen', () => {
  expect(renderScreen(filledState(), NOW)).toMatchInlineSnapshot(`
    "kraken-sockets example bot · simulator ws://127.0.0.1:1/v2 · 03:04:05 UTC · Ctrl-C to stop

    TICKER               last            bid            ask       24h           volume
    BTC/USD           65000.1          65000        65000.1    +1.25%           1234.5
    ETH/USD            3200.5         3200.4         3200.5    -0.50%           1234.5

    TRADES BTC/USD (1 so far)
    03:04:05.123  buy   0.0015 @ 65000.1

    BOOK BTC/USD in sync, bid 65000.0 ask 65000.1 spread 0.1, checksum ok (12 verified, 0 mismatches, 0 resyncs)
           bid qty          bid | ask                 ask qty
        0.50000000      65000.0 | 65000.1          0.25000000
        1.00000000      64999.9 |

    ACTIVITY
    03:04:05  Socket open. endpoint=public reconnect=false
    "
  `)
})

test('behavior: before any data, everything says it is waiting', () => {
  const state = new MarketState('Kraken wss://ws.kraken.com/v2', 'ETH/USD')
  expect(renderSummary(state, NOW)).toBe(
    '03:04:05 tickers waiting | trades 0 | book ETH/USD waiting, checksum pending (0 verified, 0 mismatches, 0 resyncs)',
  )
  const screen = renderScreen(state, NOW)
  expect(screen).toContain('(waiting for tickers)')
  expect(screen).toContain('(waiting for trades)')
  expect(screen).toContain('(waiting for the snapshot)')
})

test('behavior: the checksum status follows the book state', () => {
  const base = {
    symbol: 'BTC/USD',
    bids: [{ price: '1.05', qty: '2' }],
    asks: [{ price: '1.1', qty: '3' }],
    verified: 4,
    mismatches: 1,
    resyncs: 1,
  }
  expect(bookHeadline({ ...base, state: 'resyncing' })).toBe(
    'BTC/USD resyncing, bid 1.05 ask 1.1 spread 0.05, checksum mismatch (4 verified, 1 mismatches, 1 resyncs)',
  )
  expect(bookHeadline({ ...base, state: 'out-of-sync' })).toBe(
    'BTC/USD out of sync, bid 1.05 ask 1.1 spread 0.05, checksum pending (4 verified, 1 mismatches, 1 resyncs)',
  )
})
