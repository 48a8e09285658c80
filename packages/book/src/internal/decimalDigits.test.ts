import { describe, expect, test } from 'vitest'
import {
  checksumDigits,
  EXPONENT_DECIMAL,
  expandExponent,
  feedDecimal,
  formatNumber,
  fullPrecisionText,
  INVALID_DECIMAL,
  packedLength,
} from './decimalDigits.js'

describe('checksumDigits', () => {
  test('default', () => {
    // The examples of Kraken's checksum guides.
    expect(checksumDigits('45285.2', 0)).toBe('452852')
    expect(checksumDigits('0.00100000', 0)).toBe('100000')
    expect(checksumDigits('0.05000', 0)).toBe('5000')
  })

  test('behavior: pads to the precision, never trims', () => {
    expect(checksumDigits('0.566', 4)).toBe('5660')
    expect(checksumDigits('4.0', 8)).toBe('400000000')
    expect(checksumDigits('45281', 1)).toBe('452810')
    expect(checksumDigits('0.123456789', 8)).toBe('123456789')
  })

  test('behavior: exponent text is expanded first', () => {
    expect(checksumDigits('1e-08', 0)).toBe('1')
    expect(checksumDigits('1e-08', 10)).toBe('100')
  })
})

describe('expandExponent', () => {
  test('default', () => {
    expect(expandExponent('1e-08')).toBe('0.00000001')
    expect(expandExponent('1.5E+3')).toBe('1500')
    expect(expandExponent('2.50e-1')).toBe('0.250')
    expect(expandExponent('12.5e1')).toBe('125')
    expect(expandExponent('1e21')).toBe('1000000000000000000000')
  })

  test('error: not exponent notation', () => {
    expect(expandExponent('1.5')).toBeUndefined()
    expect(expandExponent('e5')).toBeUndefined()
    expect(expandExponent('1e')).toBeUndefined()
    expect(expandExponent('-1e5')).toBeUndefined()
    expect(expandExponent('1e99999')).toBeUndefined()
  })
})

describe('formatNumber', () => {
  test('default', () => {
    expect(formatNumber(0.566, 4)).toBe('0.5660')
    expect(formatNumber(29430.2, 1)).toBe('29430.2')
  })

  test('behavior: never exponent notation', () => {
    expect(formatNumber(1e-8)).toBe('0.00000001')
    expect(formatNumber(1e21)).toBe('1000000000000000000000')
    expect(formatNumber(1e-8, 8)).toBe('0.00000001')
  })
})

describe('feedDecimal', () => {
  test('default', () => {
    expect(packedLength(feedDecimal('0.00100000', 0, 0))).toBe(6)
    expect(packedLength(feedDecimal('0.0', 8, 0))).toBe(0)
  })

  test('error: not a plain decimal', () => {
    for (const text of ['', '.', '-1', '1.2.3', '1,5', ' 1', 'abc', '0x10'])
      expect(feedDecimal(text, 0, 0)).toBe(INVALID_DECIMAL)
    expect(feedDecimal('1e-08', 0, 0)).toBe(EXPONENT_DECIMAL)
  })
})

test('fullPrecisionText', () => {
  expect(fullPrecisionText('0.1', 8)).toBe('0.10000000')
  expect(fullPrecisionText('5', 2)).toBe('5.00')
  expect(fullPrecisionText('0.123', 2)).toBe('0.123')
})
