import { describe, expect, test } from 'vitest'
import {
  formatUnits,
  incrementUnits,
  padDecimal,
  toUnits,
  trimDecimal,
} from './decimal.js'

describe('formatUnits', () => {
  test('default', () => {
    expect(formatUnits(123, 2)).toBe('1.23')
    expect(formatUnits(5, 8)).toBe('0.00000005')
    expect(formatUnits(650000, 1)).toBe('65000.0')
    expect(formatUnits(42, 0)).toBe('42')
  })
  test('behavior: negative amounts', () => {
    expect(formatUnits(-5, 2)).toBe('-0.05')
  })
})

describe('padDecimal', () => {
  test('default', () => {
    expect(padDecimal('4.0', 8)).toBe('4.00000000')
    expect(padDecimal('0.001', 8)).toBe('0.00100000')
    expect(padDecimal('29430', 1)).toBe('29430.0')
  })
  test('behavior: exponent literals', () => {
    expect(padDecimal('7.723e-05', 8)).toBe('0.00007723')
    expect(padDecimal('1e-08', 8)).toBe('0.00000001')
    expect(padDecimal('1.5E2', 1)).toBe('150.0')
  })
  test('error: digits beyond the precision', () => {
    expect(() => padDecimal('0.123', 2)).toThrow(RangeError)
    expect(() => padDecimal('abc', 2)).toThrow(RangeError)
  })
})

test('behavior: toUnits and trimDecimal', () => {
  expect(toUnits('65000.1', 1)).toBe(650001)
  expect(toUnits('-0.17', 2)).toBe(-17)
  expect(trimDecimal('740.00000000')).toBe('740.0')
  expect(trimDecimal('0.10000000')).toBe('0.1')
  expect(trimDecimal('12')).toBe('12')
  expect(incrementUnits('0.5', 1)).toBe(5)
  expect(() => incrementUnits('0', 1)).toThrow(RangeError)
})
