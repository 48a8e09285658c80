import { describe, expect, test } from 'vitest'
import {
  isPlacingMethod,
  PLACING_METHODS,
  TRADING_METHODS,
} from './tradingMethods.js'

describe('trading methods', () => {
  test('every placing method is a trading method', () => {
    for (const method of PLACING_METHODS) {
      expect(TRADING_METHODS).toContain(method)
    }
  })

  test('isPlacingMethod tells placing from other methods', () => {
    expect(TRADING_METHODS.filter(isPlacingMethod)).toEqual([
      'add_order',
      'amend_order',
      'edit_order',
      'batch_add',
    ])
    expect(isPlacingMethod('subscribe')).toBe(false)
  })

  test('the lists are frozen', () => {
    expect(Object.isFrozen(TRADING_METHODS)).toBe(true)
    expect(Object.isFrozen(PLACING_METHODS)).toBe(true)
  })
})
