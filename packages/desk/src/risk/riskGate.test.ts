import { describe, expect, test } from 'vitest'
import { DeskConfigError, RiskRefusedError } from '../errors.js'
import { resolveRiskPolicy } from './policy.js'
import { createRiskGate, type RiskContext } from './riskGate.js'

const policy = resolveRiskPolicy({
  symbols: ['BTC/USD'],
  maxOrderNotional: 1_000,
  maxOpenOrders: 3,
  priceBandBps: 100,
  maxOrdersPerMinute: 2,
})
const context = (
  openOrders = 0,
  mid: number | undefined = 50_000,
): RiskContext => ({
  mid: () => mid,
  openOrders,
})
const buy = (qty: number, price?: number) => ({ symbol: 'BTC/USD', qty, price })

function ruleOf(action: () => void) {
  try {
    action()
  } catch (error) {
    if (error instanceof RiskRefusedError) return error.rule
    throw error
  }
  return undefined
}

describe('createRiskGate', () => {
  test('default: an order inside every limit is admitted', () => {
    const gate = createRiskGate(policy, 'paper', () => 0)
    expect(
      ruleOf(() => gate.admit([buy(0.01, 50_100)], context(), true)),
    ).toBeUndefined()
  })

  test('error: each rule refuses and names itself', () => {
    const gate = createRiskGate(policy, 'paper', () => 0)
    expect(
      ruleOf(() =>
        gate.admit(
          [{ symbol: 'ETH/USD', qty: 0.01, price: 3000 }],
          context(),
          true,
        ),
      ),
    ).toBe('symbol_allow_list')
    expect(
      ruleOf(() => gate.admit([buy(0.021, 50_000)], context(), true)),
    ).toBe('max_order_notional')
    // A market order is valued at the mid.
    expect(ruleOf(() => gate.admit([buy(0.021)], context(), true))).toBe(
      'max_order_notional',
    )
    expect(ruleOf(() => gate.admit([buy(0.01, 50_600)], context(), true))).toBe(
      'price_band',
    )
    expect(ruleOf(() => gate.admit([buy(0.01, 49_400)], context(), true))).toBe(
      'price_band',
    )
    expect(
      ruleOf(() =>
        gate.admit(
          [buy(0.01, 50_000)],
          { mid: () => undefined, openOrders: 0 },
          true,
        ),
      ),
    ).toBe('no_reference_price')
    expect(
      ruleOf(() => gate.admit([buy(0.01, 50_000)], context(3), true)),
    ).toBe('max_open_orders')
    // An amend adds no open order.
    expect(
      ruleOf(() => gate.admit([buy(0.01, 50_000)], context(3), false)),
    ).toBeUndefined()
  })

  test('behavior: the per-minute limit slides', () => {
    let now = 0
    const gate = createRiskGate(policy, 'paper', () => now)
    gate.admit([buy(0.01, 50_000)], context(), true)
    now = 30_000
    gate.admit([buy(0.01, 50_000)], context(), true)
    expect(ruleOf(() => gate.admit([buy(0.01, 50_000)], context(), true))).toBe(
      'max_orders_per_minute',
    )
    now = 60_000
    expect(
      ruleOf(() => gate.admit([buy(0.01, 50_000)], context(), true)),
    ).toBeUndefined()
    // A refused batch is not counted.
    expect(
      ruleOf(() =>
        gate.admit([buy(0.01, 50_000), buy(0.01, 50_000)], context(), true),
      ),
    ).toBe('max_orders_per_minute')
    now = 90_001
    expect(
      ruleOf(() => gate.admit([buy(0.01, 50_000)], context(), true)),
    ).toBeUndefined()
  })

  test('error: an unusable policy', () => {
    expect(() => resolveRiskPolicy({ symbols: [] })).toThrow(DeskConfigError)
    expect(() => resolveRiskPolicy({ maxOrderNotional: Number.NaN })).toThrow(
      DeskConfigError,
    )
    expect(() => resolveRiskPolicy({ priceBandBps: 0 })).toThrow(
      DeskConfigError,
    )
  })
})
