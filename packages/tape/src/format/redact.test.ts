import { describe, expect, test } from 'vitest'
import { REDACTED, redactTokens, UNPARSABLE_FRAME } from './redact.js'

describe('redactTokens', () => {
  test('replaces a token value and keeps every other byte', () => {
    const text =
      '{"method":"add_order","params":{"order_qty":0.10000000,"limit_price":26500.40,"token":"secret-abc","order_userref":18446744073709551615},"req_id":7}'
    const result = redactTokens(text)
    expect(result.redacted).toBe(true)
    expect(result.text).toBe(text.replace('secret-abc', REDACTED))
    expect(result.text).not.toContain('secret')
  })

  test('finds a key written with escapes, on the parsed request', () => {
    const text =
      '{"method":"subscribe","params":{"channel":"balances","tok\\u0065n" : "s3cr3t"}}'
    const result = redactTokens(text)
    expect(result.redacted).toBe(true)
    expect(result.text).not.toContain('s3cr3t')
    expect(JSON.parse(result.text).params.token).toBe(REDACTED)
  })

  test('redacts tokens nested in arrays and non-string token values', () => {
    const text =
      '{"orders":[{"token":{"a":["x","}"]}},{"token":123}],"b":"token"}'
    const result = redactTokens(text)
    expect(JSON.parse(result.text)).toEqual({
      orders: [{ token: REDACTED }, { token: REDACTED }],
      b: 'token',
    })
  })

  test('a frame without a token key is kept as is, even with "token" as a value', () => {
    const text = '{"method":"ping","req_id":1,"note":"token"}'
    expect(redactTokens(text)).toEqual({ text, redacted: false })
  })

  test('a frame that is not JSON is replaced whole', () => {
    expect(redactTokens('token=abc')).toEqual({
      text: UNPARSABLE_FRAME,
      redacted: true,
    })
  })
})
