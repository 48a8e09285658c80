import { expect, test } from 'vitest'
import { createNonceGuard } from './nonceGuard.js'

test('default', () => {
  const guard = createNonceGuard()
  expect(guard.accept('a', '1616492376594')).toBe(true)
  expect(guard.accept('a', '1616492376595')).toBe(true)
})

test('error: a reused or decreasing nonce is refused per key', () => {
  const guard = createNonceGuard()
  expect(guard.accept('a', '100')).toBe(true)
  expect(guard.accept('a', '100')).toBe(false)
  expect(guard.accept('a', '99')).toBe(false)
  expect(guard.accept('b', '99')).toBe(true)
})

test('error: a nonce that is not an unsigned 64-bit integer is refused', () => {
  const guard = createNonceGuard()
  expect(guard.accept('a', '-1')).toBe(false)
  expect(guard.accept('a', '1.5')).toBe(false)
  expect(guard.accept('a', '')).toBe(false)
  expect(guard.accept('a', '18446744073709551616')).toBe(false)
  expect(guard.accept('a', '18446744073709551615')).toBe(true)
})
