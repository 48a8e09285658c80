import { describe, expect, test } from 'vitest'
import { createConfirmationCodes } from './confirmationCodes.js'

const order = { symbol: 'BTC/USD', side: 'buy', order_qty: '0.01' }

describe('createConfirmationCodes', () => {
  test('default: a code confirms its exact call once', () => {
    const codes = createConfirmationCodes()
    const code = codes.issue('place_order', order)
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    // Key order does not matter; the values do.
    expect(
      codes.redeem(
        'place_order',
        { order_qty: '0.01', side: 'buy', symbol: 'BTC/USD' },
        code,
      ),
    ).toBe(true)
    expect(codes.redeem('place_order', order, code)).toBe(false)
  })

  test('behavior: other arguments or another tool do not burn the code', () => {
    const codes = createConfirmationCodes()
    const code = codes.issue('place_order', order)
    expect(
      codes.redeem('place_order', { ...order, order_qty: '1' }, code),
    ).toBe(false)
    expect(codes.redeem('cancel_all', order, code)).toBe(false)
    expect(codes.redeem('place_order', order, code.toLowerCase())).toBe(true)
  })

  test('behavior: a code expires', () => {
    let now = 1_000
    const codes = createConfirmationCodes({ ttl: 500, now: () => now })
    const code = codes.issue('cancel_all', {})
    now += 500
    expect(codes.redeem('cancel_all', {}, code)).toBe(false)
  })

  test('behavior: only the newest codes are kept', () => {
    const codes = createConfirmationCodes({ capacity: 2 })
    const first = codes.issue('cancel_all', {})
    const second = codes.issue('cancel_all', {})
    const third = codes.issue('cancel_all', {})
    expect(codes.redeem('cancel_all', {}, first)).toBe(false)
    expect(codes.redeem('cancel_all', {}, second)).toBe(true)
    expect(codes.redeem('cancel_all', {}, third)).toBe(true)
  })
})
