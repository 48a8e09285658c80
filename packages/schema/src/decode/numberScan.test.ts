import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { numberLiteral } from '../testing/numberLiterals.js'
import { scanNumber, scannedValue } from './numberScan.js'

/** What scanning `literal` followed by `,` gives: its end and value. */
function scan(literal: string): { end: number; value?: number } {
  const end = scanNumber(`${literal},`, 0)
  return end === -1 ? { end } : { end, value: scannedValue }
}

const longLiteral = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.stringMatching(/^(0|[1-9][0-9]{0,24})$/),
    fc.option(fc.stringMatching(/^[0-9]{1,24}$/)),
  )
  .map(([sign, int, frac]) => `${sign}${int}${frac === null ? '' : `.${frac}`}`)

describe('scanNumber reads a JSON number literal as JSON.parse does', () => {
  test('behavior: same value (even -0) and the whole literal, on any literal', () => {
    fc.assert(
      fc.property(fc.oneof(numberLiteral, longLiteral), (literal) => {
        const value: number = JSON.parse(literal)
        if (!Number.isFinite(value)) return
        expect(scan(literal)).toEqual({ end: literal.length, value })
        expect(Object.is(scan(literal).value, value)).toBe(true)
      }),
      { numRuns: 5000 },
    )
    // A generous limit: the default 5 s is too short on a busy shared machine.
  }, 120_000)

  test('example: prices and quantities as Kraken writes them', () => {
    for (const literal of [
      '29431.1',
      '0.00000000',
      '0.00100000',
      '8.25182177',
      '-0',
      '-0.0',
      '123456789012345',
      '1234567890123456',
      '0.1234567890123456789',
      '2.9431E+4',
      '1e-8',
    ]) {
      const { value } = scan(literal)
      expect(Object.is(value, JSON.parse(literal)), literal).toBe(true)
    }
  })

  test('error: a literal whose value is not finite is refused', () => {
    expect(scan('1e400').end).toBe(-1)
    expect(scan('-1E+309').end).toBe(-1)
    expect(scan('9'.repeat(10_000)).end).toBe(-1)
    expect(scan(`-${'1'.repeat(400)}.5`).end).toBe(-1)
    // A tiny value is finite (0), as JSON.parse reads it.
    expect(scan('1e-400')).toEqual({ end: 6, value: 0 })
  })

  test('error: what is not a JSON number is refused or ends early', () => {
    // -1: nothing JSON could read here.
    for (const text of ['-', '.5', '1.', '1.e5', '1e', '1e+', '-.5', 'x', ''])
      expect(scan(text).end, text).toBe(-1)
    // Ends before a character a JSON number cannot hold there; the caller
    // then finds no `,` where it expects one.
    expect(scan('01').end).toBe(1)
    expect(scan('-00.5').end).toBe(2)
    expect(scan('1.5.5').end).toBe(3)
  })
})
