import { expectTypeOf, test } from 'vitest'
import {
  type AcceptedAck,
  AddOrderRequest,
  type AddOrderResponse,
  BookSnapshotResponse,
  KrakenWebSocketAPI,
  type LiveBook,
  type LiveL3Book,
  type OrderHandle,
  Response,
  type SubscriptionResponse,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
  TradingResponse,
  UpdateResponse,
} from '../index.js'

const kraken = new KrakenWebSocketAPI()

test('default', () => {
  kraken.trigger(TickerUpdateResponse, (response) => {
    expectTypeOf(response.last).toEqualTypeOf<number>()
    expectTypeOf(response.symbol).toEqualTypeOf<string>()
  })
  expectTypeOf(kraken.trigger(TickerUpdateResponse, () => {})).toEqualTypeOf<
    () => void
  >()
})

test('behavior: families receive the union of their members', () => {
  kraken.trigger(UpdateResponse, (response) => {
    expectTypeOf(response.type).toEqualTypeOf<'update'>()
  })
  kraken.trigger(TradingResponse, (response) => {
    expectTypeOf(response.success).toEqualTypeOf<boolean>()
  })
  kraken.trigger(Response, (response) => {
    expectTypeOf<TickerUpdateResponse>().toExtend<typeof response>()
    expectTypeOf<AddOrderResponse>().toExtend<typeof response>()
  })
})

test('behavior: streams, subscriptions, requests and books are typed', async () => {
  for await (const snapshot of kraken.stream(BookSnapshotResponse)) {
    expectTypeOf(snapshot.bids[0]?.price).toEqualTypeOf<number | undefined>()
  }
  expectTypeOf(
    kraken.subscribe(TickerSubscriptionRequest(['BTC/USD'])),
  ).resolves.toEqualTypeOf<SubscriptionResponse[]>()
  const order = AddOrderRequest({
    order_type: 'market',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '1',
  })
  expectTypeOf(kraken.request(order)).resolves.toEqualTypeOf<
    AcceptedAck<AddOrderResponse>
  >()
  const ack = await kraken.request(order)
  // A resolved request has its result: no `?.` before reading it.
  expectTypeOf(ack.result.order_id).toEqualTypeOf<string | undefined>()
  expectTypeOf(ack.success).toEqualTypeOf<true>()
  const placed = await kraken.place(order)
  expectTypeOf(placed.order).toEqualTypeOf<OrderHandle>()
  expectTypeOf(placed.ack.result.cl_ord_id).toEqualTypeOf<string | undefined>()
  expectTypeOf(kraken.book('BTC/USD')).resolves.toEqualTypeOf<LiveBook>()
  expectTypeOf(
    kraken.book('BTC/USD', { level3: true }),
  ).resolves.toEqualTypeOf<LiveL3Book>()
})

test('error: a handler of another type is refused', () => {
  // @ts-expect-error: a ticker handler cannot take a string
  kraken.trigger(TickerUpdateResponse, (_text: string) => {})
  // @ts-expect-error: keys are response types or families, not names
  kraken.trigger('TickerUpdateResponse', () => {})
})
