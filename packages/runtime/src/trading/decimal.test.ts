import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  compareDecimal,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
  roundToIncrement,
} from './decimal.js'

function dec(text: string) {
  const parsed = parseDecimal(text)
  if (!parsed.ok) throw new Error(`bad test input ${text}`)
  return parsed.value
}

describe('parseDecimal', () => {
  test('default', () => {
    expect(parseDecimal('26500.40')).toEqual({
      ok: true,
      value: { units: 265004n, scale: 1 },
    })
    expect(parseDecimal(0.1)).toEqual({
      ok: true,
      value: { units: 1n, scale: 1 },
    })
  })

  test('behavior: reads exponent literals exactly, as Kraken sends 1e-08', () => {
    expect(parseDecimal('1e-08')).toEqual({
      ok: true,
      value: { units: 1n, scale: 8 },
    })
    expect(parseDecimal(2e-5)).toEqual({
      ok: true,
      value: { units: 2n, scale: 5 },
    })
    expect(parseDecimal('1.5E3')).toEqual({
      ok: true,
      value: { units: 1500n, scale: 0 },
    })
  })

  test('error: refuses what cannot be rounded safely', () => {
    expect(parseDecimal(Number.NaN)).toEqual({
      ok: false,
      failure: 'not_finite',
    })
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toEqual({
      ok: false,
      failure: 'not_finite',
    })
    expect(parseDecimal('Infinity')).toEqual({
      ok: false,
      failure: 'not_finite',
    })
    expect(parseDecimal(-1)).toEqual({ ok: false, failure: 'negative' })
    expect(parseDecimal(-1n)).toEqual({ ok: false, failure: 'negative' })
    expect(parseDecimal('-0.5')).toEqual({ ok: false, failure: 'negative' })
    expect(parseDecimal('1,5')).toEqual({ ok: false, failure: 'malformed' })
    expect(parseDecimal('e5')).toEqual({ ok: false, failure: 'malformed' })
    expect(parseDecimal('')).toEqual({ ok: false, failure: 'malformed' })
    expect(parseDecimal(1e300)).toEqual({
      ok: false,
      failure: 'too_many_digits',
    })
    expect(parseDecimal('0.1234567890123456789012345678901')).toEqual({
      ok: false,
      failure: 'too_many_digits',
    })
  })
})

describe('roundToIncrement', () => {
  test('default', () => {
    expect(
      formatDecimal(roundToIncrement(dec('26500.46'), dec('0.1'), 'down')),
    ).toBe('26500.4')
    expect(
      formatDecimal(roundToIncrement(dec('26500.41'), dec('0.1'), 'up')),
    ).toBe('26500.5')
    expect(
      formatDecimal(roundToIncrement(dec('26500.45'), dec('0.1'), 'nearest')),
    ).toBe('26500.5')
    expect(
      formatDecimal(roundToIncrement(dec('26500.44'), dec('0.1'), 'nearest')),
    ).toBe('26500.4')
    expect(formatDecimal(roundToIncrement(dec('7'), dec('5'), 'down'))).toBe(
      '5',
    )
    expect(formatDecimal(roundToIncrement(dec('0.3'), dec('0.25'), 'up'))).toBe(
      '0.5',
    )
  })

  const decimalArb = fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
      fc.integer({ min: 0, max: 12 }),
    )
    .map(([units, scale]) => ({ units, scale }))
  const incrementArb = fc
    .tuple(
      fc.bigInt({ min: 1n, max: 10n ** 6n }),
      fc.integer({ min: 0, max: 10 }),
    )
    .map(([units, scale]) => ({ units, scale }))

  test('behavior: result is a multiple of the increment, within one increment, in the asked direction', () => {
    fc.assert(
      fc.property(
        decimalArb,
        incrementArb,
        fc.constantFrom('down', 'up', 'nearest' as const),
        (v, inc, mode) => {
          const r = roundToIncrement(v, inc, mode)
          // a multiple: r / inc is an integer, checked at a common scale
          const scale = Math.max(r.scale, inc.scale)
          const rUnits = r.units * 10n ** BigInt(scale - r.scale)
          const incUnits = inc.units * 10n ** BigInt(scale - inc.scale)
          expect(rUnits % incUnits).toBe(0n)
          const vScale = Math.max(v.scale, scale)
          const diff =
            r.units * 10n ** BigInt(vScale - r.scale) -
            v.units * 10n ** BigInt(vScale - v.scale)
          const step = inc.units * 10n ** BigInt(vScale - inc.scale)
          const distance = diff < 0n ? -diff : diff
          expect(distance < step).toBe(true)
          if (mode === 'down') expect(diff <= 0n).toBe(true)
          if (mode === 'up') expect(diff >= 0n).toBe(true)
          if (mode === 'nearest') expect(distance * 2n <= step).toBe(true)
          // exact digits: never more fractional digits than the increment
          expect(r.scale <= inc.scale).toBe(true)
          expect(formatDecimal(r)).toMatch(/^\d+(\.\d*[1-9])?$/)
        },
      ),
    )
  })
})

test('behavior: compareDecimal and multiplyDecimal are exact', () => {
  expect(compareDecimal(dec('0.10'), dec('0.1'))).toBe(0)
  expect(compareDecimal(dec('0.09999999999999999999'), dec('0.1'))).toBe(-1)
  expect(formatDecimal(multiplyDecimal(dec('0.0001'), dec('26500.4')))).toBe(
    '2.65004',
  )
  expect(formatDecimal(multiplyDecimal(dec('0.1'), dec('0.2')))).toBe('0.02')
})
