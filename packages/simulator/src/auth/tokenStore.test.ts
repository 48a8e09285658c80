import { inspect } from 'node:util'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createTokenStore } from './tokenStore.js'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

test('default', () => {
  const tokens = createTokenStore()
  const issued = tokens.issue('key-1')
  expect(issued.expires).toBe(900)
  expect(issued.token).toMatch(/^[A-Za-z0-9+/]{43}$/)
  expect(tokens.validate(issued.token)).toBe(true)
  expect(tokens.ownerOf(issued.token)).toBe('key-1')
  expect(tokens.validate('unknown')).toBe(false)
})

test('behavior: an unused token expires after 15 minutes', () => {
  const tokens = createTokenStore()
  const { token } = tokens.issue('key-1')
  vi.advanceTimersByTime(899_999)
  expect(tokens.ownerOf(token)).toBe('key-1')
  vi.advanceTimersByTime(1)
  expect(tokens.validate(token)).toBe(false)
  expect(tokens.ownerOf(token)).toBeUndefined()
})

test('behavior: each use restarts the lifetime', () => {
  const tokens = createTokenStore()
  const { token } = tokens.issue('key-1')
  vi.advanceTimersByTime(800_000)
  expect(tokens.validate(token)).toBe(true)
  vi.advanceTimersByTime(800_000)
  expect(tokens.validate(token)).toBe(true)
})

test('behavior: a retained token does not expire until released', () => {
  const tokens = createTokenStore()
  const { token } = tokens.issue('key-1')
  const release = tokens.retain(token)
  vi.advanceTimersByTime(3_600_000)
  expect(tokens.validate(token)).toBe(true)
  release()
  release()
  vi.advanceTimersByTime(900_000)
  expect(tokens.validate(token)).toBe(false)
})

test('behavior: seeded bytes give reproducible tokens; revoke invalidates', () => {
  const bytes = (size: number) => new Uint8Array(size).fill(7)
  let n = 0
  const counting = (size: number) => new Uint8Array(size).fill(n++)
  const a = createTokenStore({ randomBytes: bytes }).issue('k').token
  const b = createTokenStore({ randomBytes: bytes }).issue('k').token
  expect(a).toBe(b)
  const tokens = createTokenStore({ randomBytes: counting })
  const first = tokens.issue('k').token
  tokens.revoke(first)
  expect(tokens.validate(first)).toBe(false)
})

test('behavior: tokens never show in inspect output', () => {
  const tokens = createTokenStore()
  const { token } = tokens.issue('key-1')
  expect(inspect(tokens, { depth: 10, showHidden: true })).not.toContain(token)
})
