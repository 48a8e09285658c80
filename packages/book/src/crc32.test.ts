import fc from 'fast-check'
import { expect, test, vi } from 'vitest'
import { crc32, crc32Portable, hasNativeCrc32 } from './crc32.js'

test('default', () => {
  // The standard CRC-32 check value.
  expect(crc32('123456789')).toBe(0xcbf43926)
  expect(crc32Portable('123456789')).toBe(0xcbf43926)
  expect(crc32('')).toBe(0)
})

test('behavior: Node 20.16+ uses the native zlib crc32', () => {
  expect(hasNativeCrc32).toBe(true)
})

test('behavior: native and portable paths agree on ASCII text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary-ascii', maxLength: 600 }), (text) => {
      expect(crc32(text)).toBe(crc32Portable(text))
    }),
    { numRuns: 500 },
  )
})

test('behavior: both paths reproduce the docs checksum string', () => {
  const text =
    '45285210000045286415457195345286615457110945289615456091145290215890660452918154553491452947445474945296135380000452975994554245299518772827' +
    '452835100000004528341545820154528211000000045281010000000452803154592586452790799000045277633101034527753000000045277315460273745276615445238'
  expect(crc32(text)).toBe(3310070434)
  expect(crc32Portable(text)).toBe(3310070434)
})

test('behavior: without a native crc32 (browsers) the portable path runs', async () => {
  vi.stubGlobal('process', undefined)
  vi.resetModules()
  try {
    const module = await import('./crc32.js')
    expect(module.hasNativeCrc32).toBe(false)
    expect(module.crc32('123456789')).toBe(0xcbf43926)
  } finally {
    vi.unstubAllGlobals()
    vi.resetModules()
  }
})
