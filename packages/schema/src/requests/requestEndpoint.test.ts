import { expect, test } from 'vitest'
import { BalancesSubscriptionRequest } from './channels/balances.js'
import {
  BookSubscriptionRequest,
  BookUnsubscribeRequest,
} from './channels/book.js'
import { ExecutionUnsubscribeRequest } from './channels/executions.js'
import { InstrumentsSubscriptionRequest } from './channels/instrument.js'
import {
  OrdersSubscriptionRequest,
  OrdersUnsubscribeRequest,
} from './channels/level3.js'
import { OHLCSubscriptionRequest } from './channels/ohlc.js'
import { TickerSubscriptionRequest } from './channels/ticker.js'
import { TradesSubscriptionRequest } from './channels/trade.js'
import { AddOrderRequest } from './methods/addOrder.js'
import { BatchCancelRequest } from './methods/batchCancel.js'
import { CancelAllRequest } from './methods/cancelAll.js'
import { CancelAllOrdersAfterRequest } from './methods/cancelAllOrdersAfter.js'
import { PingRequest } from './methods/ping.js'
import { requestEndpoint } from './requestEndpoint.js'

test('default', () => {
  expect(requestEndpoint(BookSubscriptionRequest('BTC/USD'))).toBe('public')
})

test('behavior: market data is public, level3 has its own endpoint, the rest is private', () => {
  expect(
    [
      TickerSubscriptionRequest('BTC/USD'),
      BookUnsubscribeRequest('BTC/USD'),
      TradesSubscriptionRequest('BTC/USD'),
      OHLCSubscriptionRequest('BTC/USD'),
      InstrumentsSubscriptionRequest(),
      PingRequest(),
    ].map(requestEndpoint),
  ).toEqual(Array(6).fill('public'))
  expect(
    [
      OrdersSubscriptionRequest('BTC/USD'),
      OrdersUnsubscribeRequest('BTC/USD'),
    ].map(requestEndpoint),
  ).toEqual(['level3', 'level3'])
  expect(
    [
      BalancesSubscriptionRequest(),
      ExecutionUnsubscribeRequest(),
      AddOrderRequest({
        order_type: 'market',
        side: 'sell',
        symbol: 'BTC/USD',
        order_qty: '1',
      }),
      BatchCancelRequest({ orders: ['A', 'B'] }),
      CancelAllRequest(),
      CancelAllOrdersAfterRequest({ timeout: 0 }),
    ].map(requestEndpoint),
  ).toEqual(Array(6).fill('private'))
})
