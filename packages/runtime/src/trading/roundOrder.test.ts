import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseDecimal } from './decimal.js'
import { roundAmount, roundOrder } from './roundOrder.js'
import type { InstrumentPair } from './types.js'

// Pairs as the docs' and live instrument snapshots give them (numbers, as decoded).
const btcUsd: InstrumentPair = {
  symbol: 'BTC/USD',
  status: 'online',
  qty_increment: 1e-8,
  price_increment: 0.1,
  qty_min: 0.0001,
  cost_min: 0.5,
}
const ethBtc: InstrumentPair = {
  symbol: 'ETH/BTC',
  qty_increment: 1e-8,
  price_increment: 1e-5,
  qty_min: 0.002,
  cost_min: 2e-5,
}

describe('roundAmount', () => {
  test('default', () => {
    expect(roundAmount('limit_price', 26500.46, 0.1, 'down')).toEqual({
      ok: true,
      value: '26500.4',
    })
    expect(roundAmount('order_qty', '1.2000000049', '1e-08', 'down')).toEqual({
      ok: true,
      value: '1.2',
    })
    expect(roundAmount('limit_price', 0.1 + 0.2, 0.1, 'nearest')).toEqual({
      ok: true,
      value: '0.3',
    })
    // numbers in exponent form come out plain
    expect(roundAmount('order_qty', 1.5e-7, 1e-8, 'down')).toEqual({
      ok: true,
      value: '0.00000015',
    })
    expect(roundAmount('order_qty', 1e17, 1, 'down')).toEqual({
      ok: true,
      value: '100000000000000000',
    })
  })

  test('error: names the field and the limit', () => {
    expect(roundAmount('order_qty', '0.000000001', 1e-8, 'down')).toEqual({
      ok: false,
      code: 'rounds_to_zero',
      field: 'order_qty',
      reason: 'order_qty 0.000000001 rounds to zero at increment 0.00000001',
    })
    expect(roundAmount('limit_price', Number.NaN, 0.1, 'down')).toMatchObject({
      ok: false,
      code: 'not_finite',
    })
    expect(roundAmount('limit_price', -5, 0.1, 'down')).toMatchObject({
      ok: false,
      code: 'negative',
    })
    expect(roundAmount('limit_price', 1e300, 0.1, 'down')).toMatchObject({
      ok: false,
      code: 'too_many_digits',
    })
    expect(roundAmount('limit_price', '5', 0, 'down')).toMatchObject({
      ok: false,
      code: 'bad_increment',
      reason: 'increment for limit_price 0 is not a positive decimal',
    })
  })

  test('behavior: string results are exact multiples within one increment (property)', () => {
    const incrementArb = fc.constantFrom(
      '0.1',
      '0.00001',
      '1e-08',
      '0.5',
      '5',
      '0.0025',
    )
    const valueArb = fc
      .tuple(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 12 }),
      )
      .map(([units, scale]) => {
        const text = units.toString().padStart(scale + 1, '0')
        return scale === 0
          ? text
          : `${text.slice(0, -scale)}.${text.slice(-scale)}`
      })
    fc.assert(
      fc.property(
        valueArb,
        incrementArb,
        fc.constantFrom('down', 'up', 'nearest' as const),
        (value, inc, mode) => {
          const r = roundAmount('x', value, inc, mode)
          if (!r.ok) {
            expect(r.code).toBe('rounds_to_zero')
            return
          }
          const out = parseDecimal(r.value)
          const v = parseDecimal(value)
          const step = parseDecimal(inc)
          if (!out.ok || !v.ok || !step.ok) throw new Error('unparseable')
          const s = Math.max(out.value.scale, v.value.scale, step.value.scale)
          const up = (d: { units: bigint; scale: number }) =>
            d.units * 10n ** BigInt(s - d.scale)
          expect(up(out.value) % up(step.value)).toBe(0n)
          const diff = up(out.value) - up(v.value)
          expect((diff < 0n ? -diff : diff) < up(step.value)).toBe(true)
          expect(r.value).not.toMatch(/e/i)
        },
      ),
    )
  })
})

describe('roundOrder', () => {
  test('behavior: an accepted order always meets qty_min and cost_min (property)', () => {
    const amount = fc
      .tuple(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([units, scale]) => (units / 10 ** scale).toFixed(scale))
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.constantFrom('buy', 'sell' as const),
        (qty, price, side) => {
          const r = roundOrder(
            { side, order_qty: qty, limit_price: price },
            ethBtc,
          )
          if (!r.ok) {
            expect([
              'rounds_to_zero',
              'below_qty_min',
              'below_cost_min',
            ]).toContain(r.code)
            return
          }
          const q = parseDecimal(r.order_qty ?? '')
          const p = parseDecimal(r.limit_price ?? '')
          if (!q.ok || !p.ok) throw new Error('unparseable result')
          // exact comparison at scale 18: qty >= 0.002 and qty * price >= 0.00002
          const at = (d: { units: bigint; scale: number }, s: number) =>
            d.units * 10n ** BigInt(s - d.scale)
          expect(at(q.value, 18) >= 2n * 10n ** 15n).toBe(true)
          expect(at(q.value, 18) * at(p.value, 18) >= 2n * 10n ** 31n).toBe(
            true,
          )
        },
      ),
    )
  })

  test('behavior: number inputs land within one increment of the number (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (n) => {
        const r = roundAmount('limit_price', n, 1e-5, 'nearest')
        if (!r.ok) throw new Error(r.reason)
        expect(r.value).toMatch(/^\d+(\.\d{1,5})?$/)
        expect(Math.abs(Number(r.value) - n)).toBeLessThanOrEqual(0.5e-5 + 1e-9)
      }),
    )
  })

  test('default', () => {
    expect(
      roundOrder(
        { side: 'buy', order_qty: '0.123456789', limit_price: 26500.46 },
        btcUsd,
      ),
    ).toEqual({
      ok: true,
      order_qty: '0.12345678',
      limit_price: '26500.4',
    })
  })

  test('behavior: a sell price rounds up, a buy price down, so the limit never worsens', () => {
    expect(
      roundOrder(
        { side: 'sell', order_qty: 1, limit_price: '26500.41' },
        btcUsd,
      ),
    ).toMatchObject({
      limit_price: '26500.5',
    })
    expect(
      roundOrder(
        { side: 'buy', order_qty: 1, limit_price: '26500.49' },
        btcUsd,
      ),
    ).toMatchObject({
      limit_price: '26500.4',
    })
  })

  test('behavior: without a side (an untracked amend) the price rounds to nearest', () => {
    expect(
      roundOrder({ limit_price: '26500.46', order_qty: '1' }, btcUsd),
    ).toMatchObject({ limit_price: '26500.5' })
    expect(
      roundOrder({ limit_price: '26500.44', order_qty: '1' }, btcUsd),
    ).toMatchObject({ limit_price: '26500.4' })
  })

  test('behavior: trigger_price rounds like limit_price, display_qty down like order_qty', () => {
    expect(
      roundOrder(
        {
          side: 'sell',
          order_qty: '1',
          trigger_price: '26000.01',
          display_qty: '0.123456789',
        },
        btcUsd,
      ),
    ).toEqual({
      ok: true,
      order_qty: '1',
      trigger_price: '26000.1',
      display_qty: '0.12345678',
    })
    expect(
      roundOrder(
        { side: 'buy', order_qty: '1', trigger_price: '26000.09' },
        btcUsd,
      ),
    ).toMatchObject({ trigger_price: '26000' })
  })

  test('error: a trigger price or display quantity that rounds to zero is refused', () => {
    expect(
      roundOrder({ side: 'buy', order_qty: 1, trigger_price: '0.01' }, btcUsd),
    ).toMatchObject({
      ok: false,
      code: 'rounds_to_zero',
      field: 'trigger_price',
    })
    expect(
      roundOrder({ side: 'buy', order_qty: 1, display_qty: '1e-9' }, btcUsd),
    ).toMatchObject({ ok: false, code: 'rounds_to_zero', field: 'display_qty' })
  })

  test('behavior: leaves absent fields absent (market orders)', () => {
    expect(roundOrder({ side: 'buy', order_qty: 0.5 }, btcUsd)).toEqual({
      ok: true,
      order_qty: '0.5',
    })
  })

  test('error: below qty_min', () => {
    expect(
      roundOrder(
        { side: 'buy', order_qty: '0.00009999', limit_price: 26500 },
        btcUsd,
      ),
    ).toEqual({
      ok: false,
      code: 'below_qty_min',
      field: 'order_qty',
      reason: 'order_qty 0.00009999 is below qty_min 0.0001 for BTC/USD',
    })
  })

  test('error: below cost_min, computed exactly on the rounded values', () => {
    // 0.002 × 0.00999 = 0.00001998 < 0.00002
    expect(
      roundOrder(
        { side: 'buy', order_qty: 0.002, limit_price: '0.009999' },
        ethBtc,
      ),
    ).toMatchObject({
      ok: false,
      code: 'below_cost_min',
      reason:
        'order cost 0.00001998 (order_qty × price) is below cost_min 0.00002 for ETH/BTC',
    })
    // exactly at the minimum passes: 0.002 × 0.01 = 0.00002
    expect(
      roundOrder({ side: 'buy', order_qty: 0.002, limit_price: 0.01 }, ethBtc),
    ).toEqual({
      ok: true,
      order_qty: '0.002',
      limit_price: '0.01',
    })
  })

  test('behavior: a market order is checked against cost_min only with a reference price', () => {
    expect(
      roundOrder(
        { side: 'buy', order_qty: 0.0001 },
        { ...btcUsd, cost_min: 5 },
      ),
    ).toMatchObject({ ok: true })
    expect(
      roundOrder(
        { side: 'buy', order_qty: 0.0001, referencePrice: '26500' },
        { ...btcUsd, cost_min: 5 },
      ),
    ).toMatchObject({ ok: false, code: 'below_cost_min' })
  })
})
