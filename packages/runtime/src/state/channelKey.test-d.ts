import { expectTypeOf, test } from 'vitest'
import {
  BalancesChannel,
  type BalancesSnapshotResponse,
  type BalancesUpdateResponse,
  type ChannelValue,
  KrakenWebSocketAPI,
  TickerChannel,
  type TickerSnapshotResponse,
  type TickerUpdateResponse,
  type TriggerStream,
} from '../index.js'

const kraken = new KrakenWebSocketAPI()

test('default: a channel key types its snapshot and its update', () => {
  expectTypeOf<ChannelValue<typeof TickerChannel>>().toEqualTypeOf<
    TickerSnapshotResponse | TickerUpdateResponse
  >()
  kraken.trigger(TickerChannel, (ticker) => {
    expectTypeOf(ticker.type).toEqualTypeOf<'snapshot' | 'update'>()
    expectTypeOf(ticker.last).toEqualTypeOf<number>()
  })
  expectTypeOf(kraken.stream(BalancesChannel)).toEqualTypeOf<
    TriggerStream<BalancesSnapshotResponse | BalancesUpdateResponse>
  >()
})

test('behavior: the decorator form takes a method of the channel value', () => {
  class Bot {
    @kraken.trigger(TickerChannel)
    onTicker(ticker: TickerSnapshotResponse | TickerUpdateResponse): void {
      void ticker
    }
  }
  expectTypeOf(new Bot().onTicker).toBeFunction()
})

test('error: a handler of another channel does not type-check', () => {
  // @ts-expect-error balances values have no `last`
  kraken.trigger(BalancesChannel, (value) => value.last)
})
