import { describe, expect, test } from 'vitest'
import type { ResponseFamily, ResponseType } from './responseType.js'
import * as T from './responseTypes.js'

const families = [
  'Response',
  'AnyResponse',
  'SnapshotResponse',
  'UpdateResponse',
  'TradingResponse',
] as const

const exported = new Map<string, unknown>(Object.entries(T))

describe('response types', () => {
  test('default: each has its export name and is frozen', () => {
    expect(T.responseTypes).toHaveLength(29)
    for (const type of T.responseTypes) {
      expect(exported.get(type.name)).toBe(type)
      expect(type.kind).toBe('response')
      expect(Object.isFrozen(type)).toBe(true)
      expect(Object.isFrozen(type.families)).toBe(true)
      expect(type.families).toContain(T.Response)
    }
  })

  test('behavior: usable as Map keys', () => {
    const handlers = new Map<ResponseType, string>([
      [T.TickerUpdateResponse, 'ticker'],
    ])
    expect(handlers.get(T.TickerUpdateResponse)).toBe('ticker')
    expect(handlers.get(T.TickerSnapshotResponse)).toBeUndefined()
  })

  test('behavior: families list their members and members list their families', () => {
    expect(T.AnyResponse).toBe(T.Response)
    for (const name of families) {
      const family = exported.get(name) as ResponseFamily
      expect(family.kind).toBe('family')
      expect(Object.isFrozen(family) && Object.isFrozen(family.members)).toBe(
        true,
      )
      for (const member of family.members)
        expect(member.families).toContain(family)
    }
    expect(T.SnapshotResponse.members.map((m) => m.name)).toEqual([
      'BookSnapshotResponse',
      'TickerSnapshotResponse',
      'TradesSnapshotResponse',
      'OHLCSnapshotResponse',
      'InstrumentsSnapshotResponse',
      'OrderSnapshotResponse',
      'ExecutionsSnapshotResponse',
      'BalancesSnapshotResponse',
    ])
    expect(
      T.UpdateResponse.members.every((m) => m.name.endsWith('UpdateResponse')),
    ).toBe(true)
    expect(T.UpdateResponse.members).toHaveLength(8)
    expect(T.TradingResponse.members.map((m) => m.name)).toEqual([
      'AddOrderResponse',
      'AmendOrderResponse',
      'EditOrderResponse',
      'CancelOrderResponse',
      'CancelAllResponse',
      'CancelAllOrdersAfterResponse',
      'BatchAddResponse',
      'BatchCancelResponse',
    ])
  })
})
