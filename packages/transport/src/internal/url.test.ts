import { expect, test } from 'vitest'
import { InvalidUrlError } from '../errors.js'
import { checkSocketUrl, isLoopbackHost, redactUrl } from './url.js'

test('default', () => {
  expect(redactUrl('wss://ws.kraken.com/v2')).toBe('wss://ws.kraken.com/v2')
})

test('behavior: credentials and query values are redacted', () => {
  const redacted = redactUrl('wss://me:s3cret@ws.kraken.com/v2?token=abc&x=1')
  expect(redacted).toBe('wss://***@ws.kraken.com/v2?token=***&x=***')
  expect(redactUrl('nonsense s3cret')).toBe('<unparsable URL>')
})

test('behavior: loopback hosts', () => {
  for (const host of [
    'localhost',
    '127.0.0.1',
    '127.5.6.7',
    '[::1]',
    'LocalHost',
  ])
    expect(isLoopbackHost(host)).toBe(true)
  for (const host of [
    'ws.kraken.com',
    '10.0.0.1',
    '128.0.0.1',
    // Names under .localhost may resolve anywhere: only literal loopback.
    'a.localhost',
    'ws.kraken.com.localhost',
    'localhost.kraken.com',
    '127.0.0.1.example.com',
    '127.0.0.256',
  ])
    expect(isLoopbackHost(host)).toBe(false)
})

test('error: a plain ws: private socket on a *.localhost name is refused', () => {
  expect(() =>
    checkSocketUrl('ws://evil.localhost:8080/v2', 'private'),
  ).toThrow(InvalidUrlError)
  expect(() => checkSocketUrl('ws://localhost.:8080/v2', 'private')).toThrow(
    InvalidUrlError,
  )
  expect(checkSocketUrl('ws://localhost:8080/v2', 'private').hostname).toBe(
    'localhost',
  )
  expect(checkSocketUrl('ws://127.1:8080/v2', 'private').hostname).toBe(
    '127.0.0.1',
  )
})

test('error: private endpoints need wss off loopback', () => {
  expect(() => checkSocketUrl('ws://ws-auth.kraken.com/v2', 'private')).toThrow(
    InvalidUrlError,
  )
  expect(() => checkSocketUrl('ws://x:pw@example.com/v2', 'level3')).toThrow(
    /wss:/,
  )
  try {
    checkSocketUrl('ws://x:pw@example.com/v2', 'level3')
  } catch (error) {
    expect(String(error)).not.toContain('pw')
  }
  expect(checkSocketUrl('ws://[::1]:8080/v2', 'private').port).toBe('8080')
  expect(checkSocketUrl('ws://ws.kraken.com/v2', 'public').protocol).toBe('ws:')
})
