import { expectTypeOf, test } from 'vitest'
import type { BookValueInput, L3ValueInput } from './types.js'

/*
 * The decoded shapes @kraken-sockets/schema promises (notes/contracts.md),
 * restated here until the lead adds the test against schema itself.
 */
interface ContractBookLevel {
  price: number
  qty: number
  price_text: string
  qty_text: string
}
interface ContractBookValue {
  channel: 'book'
  type: 'snapshot' | 'update'
  symbol: string
  bids: ContractBookLevel[]
  asks: ContractBookLevel[]
  checksum: number
  timestamp?: string
}
interface ContractL3Order {
  order_id: string
  limit_price: number
  order_qty: number
  limit_price_text: string
  order_qty_text: string
  timestamp: string
  event?: 'add' | 'modify' | 'delete'
}
interface ContractL3Value {
  channel: 'level3'
  type: 'snapshot' | 'update'
  symbol: string
  bids: ContractL3Order[]
  asks: ContractL3Order[]
  checksum: number
  timestamp?: string
}

test('default: decoded book values are accepted as they are', () => {
  expectTypeOf<ContractBookValue>().toExtend<BookValueInput>()
  expectTypeOf<ContractL3Value>().toExtend<L3ValueInput>()
})

test('behavior: parsed floats without text are accepted too', () => {
  expectTypeOf<{
    type: 'update'
    bids: { price: number; qty: number }[]
    asks: []
    checksum: number
  }>().toExtend<BookValueInput>()
})
