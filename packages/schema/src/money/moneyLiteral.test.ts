import { expect, test } from 'vitest'
import { moneyLiteral } from './moneyLiteral.js'

test('default', () => {
  expect(moneyLiteral('26500.40')).toBe('26500.40')
  expect(moneyLiteral(0.1 + 0.2)).toBe('0.30000000000000004')
  expect(moneyLiteral(1e-8)).toBe('0.00000001')
  expect(moneyLiteral(2n ** 64n)).toBe('18446744073709551616')
})

test('error: values that are not money', () => {
  expect(moneyLiteral('1e-8')).toBeUndefined()
  expect(moneyLiteral(Number.NaN)).toBeUndefined()
  expect(moneyLiteral(Number.POSITIVE_INFINITY)).toBeUndefined()
  expect(moneyLiteral(true)).toBeUndefined()
  expect(moneyLiteral(null)).toBeUndefined()
})
