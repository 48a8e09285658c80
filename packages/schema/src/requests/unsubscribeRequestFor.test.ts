import { expect, test } from 'vitest'
import { BalancesSubscriptionRequest } from './channels/balances.js'
import { BookSubscriptionRequest } from './channels/book.js'
import { ExecutionSubscriptionRequest } from './channels/executions.js'
import { InstrumentsSubscriptionRequest } from './channels/instrument.js'
import { OrdersSubscriptionRequest } from './channels/level3.js'
import { OHLCSubscriptionRequest } from './channels/ohlc.js'
import { TickerSubscriptionRequest } from './channels/ticker.js'
import { TradesSubscriptionRequest } from './channels/trade.js'
import { unsubscribeRequestFor } from './unsubscribeRequestFor.js'

test('default', () => {
  expect(
    unsubscribeRequestFor(
      BookSubscriptionRequest(['BTC/USD'], { depth: 25, snapshot: false }),
    ),
  ).toStrictEqual({
    method: 'unsubscribe',
    params: { channel: 'book', symbol: ['BTC/USD'], depth: 25 },
  })
})

test('behavior: keeps what tells subscriptions apart, drops the rest', () => {
  expect(
    [
      TickerSubscriptionRequest('A/B', {
        event_trigger: 'bbo',
        snapshot: false,
      }),
      TickerSubscriptionRequest('A/B'),
      OrdersSubscriptionRequest('A/B', { depth: 100 }),
      OHLCSubscriptionRequest('A/B', { interval: 60, snapshot: true }),
      TradesSubscriptionRequest('A/B', { snapshot: true }),
      InstrumentsSubscriptionRequest({ include_tokenized_assets: true }),
      ExecutionSubscriptionRequest({ snap_trades: true }),
      BalancesSubscriptionRequest({ users: 'all' }),
    ].map((request) => unsubscribeRequestFor(request).params),
  ).toStrictEqual([
    { channel: 'ticker', symbol: ['A/B'], event_trigger: 'bbo' },
    { channel: 'ticker', symbol: ['A/B'] },
    { channel: 'level3', symbol: ['A/B'], depth: 100 },
    { channel: 'ohlc', symbol: ['A/B'], interval: 60 },
    { channel: 'trade', symbol: ['A/B'] },
    { channel: 'instrument' },
    { channel: 'executions' },
    { channel: 'balances' },
  ])
})
