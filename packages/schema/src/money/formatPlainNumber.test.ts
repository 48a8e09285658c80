import fc from 'fast-check'
import { expect, test } from 'vitest'
import { formatPlainNumber } from './formatPlainNumber.js'

const PLAIN = /^-?\d+(?:\.\d+)?$/

test('default', () => {
  expect(formatPlainNumber(26500.4)).toBe('26500.4')
  expect(formatPlainNumber(1e-8)).toBe('0.00000001')
  expect(formatPlainNumber(-1.5e-7)).toBe('-0.00000015')
  expect(formatPlainNumber(1e21)).toBe('1000000000000000000000')
  expect(formatPlainNumber(1.2345e22)).toBe('12345000000000000000000')
  expect(formatPlainNumber(5e-324)).toBe(`0.${'0'.repeat(323)}5`)
  expect(formatPlainNumber(-0)).toBe('0')
})

test('behavior: any finite number is written without exponent and reads back the same', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      const text = formatPlainNumber(n)
      expect(text).toMatch(PLAIN)
      expect(Number(text)).toBe(n === 0 ? 0 : n)
    }),
    { numRuns: 2000 },
  )
})

test('behavior: keeps the shortest digits of Number#toString', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      const significant = (text: string) =>
        text
          .replace(/^-/, '')
          .replace(/e.*$/, '')
          .replace('.', '')
          .replace(/^0+|0+$/g, '')
      expect(significant(formatPlainNumber(n))).toBe(significant(String(n)))
    }),
  )
})

test('error: NaN and infinities', () => {
  expect(() => formatPlainNumber(Number.NaN)).toThrow(RangeError)
  expect(() => formatPlainNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  expect(() => formatPlainNumber(Number.NEGATIVE_INFINITY)).toThrow(RangeError)
})
