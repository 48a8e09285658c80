import type { Book } from '@kraken-sockets/book'
import type {
  OHLCUpdateResponse,
  TickerUpdateResponse,
  TradesUpdateResponse,
} from '@kraken-sockets/schema'
import { expectTypeOf, test } from 'vitest'
import type { bookFeatures } from './book/bookFeatures.js'
import { macd, rsi } from './classic/classic.js'
import type { ConditionDefinitionInput } from './conditions/definition.js'
import { createMarketFeed } from './feed/marketFeed.js'
import type { CandleLike, TickerLike, TradesLike } from './feed/marketValues.js'
import type { MacdResult, StreamingIndicator } from './types.js'

test('the structural inputs accept what the other packages produce', () => {
  // A verified book from @kraken-sockets/book is a BookLike.
  expectTypeOf<Book>().toMatchTypeOf<Parameters<typeof bookFeatures>[0]>()
  // Decoded values as triggers receive them fit the feed's shapes.
  expectTypeOf<TickerUpdateResponse>().toMatchTypeOf<TickerLike>()
  expectTypeOf<TradesUpdateResponse>().toMatchTypeOf<TradesLike>()
  expectTypeOf<
    OHLCUpdateResponse['candles'][number]
  >().toMatchTypeOf<CandleLike>()
})

test('indicator and track types', () => {
  expectTypeOf(rsi(14)).toEqualTypeOf<StreamingIndicator<number, number>>()
  expectTypeOf(macd().result).toEqualTypeOf<MacdResult | null>()
  const feed = createMarketFeed()
  feed.track({
    name: 'r',
    symbol: 'BTC/USD',
    channel: 'ohlc',
    interval: 1,
    indicator: rsi(14),
    input: (candle) => {
      expectTypeOf(candle).toEqualTypeOf<CandleLike>()
      return candle.close
    },
  })
  // @ts-expect-error: a ticker has no `close` field.
  feed.track({
    name: 'x',
    symbol: 'BTC/USD',
    channel: 'ticker',
    field: 'close',
  })
})

test('condition definitions are typed as written', () => {
  expectTypeOf<{
    id: 'a'
    on: 'rsi'
    op: 'between'
    range: [1, 2]
  }>().toMatchTypeOf<ConditionDefinitionInput>()
  expectTypeOf<{
    id: 'a'
    on: 'rsi'
    op: 'below'
    value: 1
  }>().not.toMatchTypeOf<ConditionDefinitionInput>()
})
