import fc from 'fast-check'
import { expect, test } from 'vitest'
import { crc32Portable } from '../crc32.js'
import { crcConcat, crcFeed, crcFinish } from './crc32Shift.js'

function raw(text: string): number {
  let register = 0
  for (let i = 0; i < text.length; i++)
    register = crcFeed(register, text.charCodeAt(i))
  return register
}

const digits = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength })

test('default', () => {
  expect(crcFinish(raw('123456789'), 9)).toBe(0xcbf43926)
})

test('behavior: concatenating cached parts equals hashing the whole', () => {
  fc.assert(
    fc.property(digits(40), digits(40), (a, b) => {
      const joined = crcConcat(raw(a), raw(b), b.length)
      expect(crcFinish(joined, a.length + b.length)).toBe(crc32Portable(a + b))
    }),
    { numRuns: 300 },
  )
})

test('behavior: long parts (composed power-of-two shifts)', () => {
  fc.assert(
    fc.property(digits(20), digits(3000), (a, b) => {
      const joined = crcConcat(raw(a), raw(b), b.length)
      expect(crcFinish(joined, a.length + b.length)).toBe(crc32Portable(a + b))
    }),
    { numRuns: 50 },
  )
})
