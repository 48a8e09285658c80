import { expectTypeOf, test } from 'vitest'
import { BookSubscriptionRequest } from './channels/book.js'
import type { OrdersSubscriptionRequest } from './channels/level3.js'
import { AddOrderRequest } from './methods/addOrder.js'
import type { PingRequest } from './methods/ping.js'
import type {
  RequestMessage,
  SubscriptionChannel,
  SubscriptionRequest,
  TradingRequest,
} from './requestMessage.js'

test('builders return their own request type, a member of RequestMessage', () => {
  const book = BookSubscriptionRequest(['BTC/USD'], { depth: 25 })
  expectTypeOf(book).toEqualTypeOf<BookSubscriptionRequest>()
  expectTypeOf(book.params.depth).toEqualTypeOf<
    10 | 25 | 100 | 500 | 1000 | undefined
  >()
  expectTypeOf<BookSubscriptionRequest>().toExtend<SubscriptionRequest>()
  expectTypeOf<AddOrderRequest>().toExtend<TradingRequest>()
  expectTypeOf<PingRequest>().toExtend<RequestMessage>()
  expectTypeOf<
    OrdersSubscriptionRequest['params']['channel']
  >().toEqualTypeOf<'level3'>()
})

test('channel names', () => {
  expectTypeOf<SubscriptionChannel>().toEqualTypeOf<
    | 'ticker'
    | 'book'
    | 'trade'
    | 'ohlc'
    | 'instrument'
    | 'level3'
    | 'balances'
    | 'executions'
  >()
})

test('request fields are typed by Kraken name', () => {
  // @ts-expect-error depth 20 is not a book depth Kraken accepts
  BookSubscriptionRequest('BTC/USD', { depth: 20 })
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '1',
    limit_price: '2',
    // @ts-expect-error unknown order fields are refused at compile time too
    limitPrice: '2',
  })
  expectTypeOf<AddOrderRequest['params']['limit_price']>().toEqualTypeOf<
    string | number | bigint | undefined
  >()
})
