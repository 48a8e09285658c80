import { describe, expectTypeOf, test } from 'vitest'
import { decodeMessage } from '../decode/decodeMessage.js'
import type { DecodedResponse } from '../decode/types.js'
import type { BookLevel } from './book.js'
import type { ResponseValue } from './responseType.js'
import type {
  BatchCancelResponse,
  BookUpdateResponse,
  StatusResponse,
  TickerUpdateResponse,
  TradingResponse,
} from './responseTypes.js'

describe('response value types', () => {
  test('default: fields are precise, a typo does not compile', () => {
    const ticker = {} as TickerUpdateResponse
    expectTypeOf(ticker.last).toEqualTypeOf<number>()
    expectTypeOf(ticker.channel).toEqualTypeOf<'ticker'>()
    expectTypeOf(ticker.type).toEqualTypeOf<'update'>()
    expectTypeOf(ticker.timestamp).toEqualTypeOf<string | undefined>()
    // @ts-expect-error a typo of `last` is caught: no index signature leaks
    void ticker.lsat
    const status = {} as StatusResponse
    expectTypeOf(status.connection_id).toEqualTypeOf<string>()
    // @ts-expect-error nested objects are precise too
    void ({} as BatchCancelResponse).result?.cuont
  })

  test('default: book levels carry their text', () => {
    expectTypeOf<
      BookUpdateResponse['bids'][number]
    >().toEqualTypeOf<BookLevel>()
    expectTypeOf<BookLevel>().toEqualTypeOf<{
      price: number
      qty: number
      price_text: string
      qty_text: string
    }>()
  })

  test('behavior: ResponseValue maps types and families', () => {
    expectTypeOf<
      ResponseValue<typeof TickerUpdateResponse>
    >().toEqualTypeOf<TickerUpdateResponse>()
    expectTypeOf<
      ResponseValue<typeof TradingResponse>
    >().toEqualTypeOf<TradingResponse>()
    expectTypeOf<BatchCancelResponse>().toExtend<
      ResponseValue<typeof TradingResponse>
    >()
  })

  test('behavior: a decoded response narrows by name', () => {
    const result = decodeMessage('')
    if (result.ok)
      for (const response of result.responses) {
        expectTypeOf(response).toEqualTypeOf<DecodedResponse>()
        if (response.name === 'TickerUpdateResponse') {
          expectTypeOf(response.value).toEqualTypeOf<TickerUpdateResponse>()
          expectTypeOf(response.type).toEqualTypeOf<
            typeof TickerUpdateResponse
          >()
        }
      }
  })
})
