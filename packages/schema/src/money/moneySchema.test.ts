import * as v from 'valibot'
import { expect, test } from 'vitest'
import { MoneySchema, QuantitySchema } from './moneySchema.js'

test('default', () => {
  for (const value of ['26500.4', '-2.0', 1.5, -3, 10n]) {
    expect(v.is(MoneySchema, value), String(value)).toBe(true)
  }
  for (const value of ['0.0001', 0, 2n]) {
    expect(v.is(QuantitySchema, value), String(value)).toBe(true)
  }
})

test('error: non-decimal strings, non-finite numbers and other types', () => {
  for (const value of [
    '1e-8',
    '',
    'abc',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    null,
  ]) {
    expect(v.is(MoneySchema, value), String(value)).toBe(false)
  }
  const issue = v.safeParse(MoneySchema, '1e-8').issues?.[0]
  expect(issue?.message).toMatch(/decimal string/)
})

test('error: negative quantities', () => {
  for (const value of ['-1', -0.5, -1n]) {
    expect(v.is(QuantitySchema, value), String(value)).toBe(false)
  }
  expect(v.safeParse(QuantitySchema, '-1').issues?.[0]?.message).toBe(
    'must not be negative',
  )
})
