import type {
  BookSnapshotResponse,
  BookUpdateResponse,
  OrderSnapshotResponse,
  OrderUpdateResponse,
} from '@kraken-sockets/schema'
import { expectTypeOf, test } from 'vitest'
import type { BookValueInput, L3ValueInput } from './types.js'

test('default: decoded book values are accepted as they are', () => {
  expectTypeOf<BookSnapshotResponse>().toExtend<BookValueInput>()
  expectTypeOf<BookUpdateResponse>().toExtend<BookValueInput>()
  expectTypeOf<OrderSnapshotResponse>().toExtend<L3ValueInput>()
  expectTypeOf<OrderUpdateResponse>().toExtend<L3ValueInput>()
})

test('behavior: parsed floats without text are accepted too', () => {
  expectTypeOf<{
    type: 'update'
    bids: { price: number; qty: number }[]
    asks: []
    checksum: number
  }>().toExtend<BookValueInput>()
})
