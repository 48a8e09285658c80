import { DeskConfigError } from '../errors.js'

/**
 * Where orders go. `paper`: a paper venue (for now the embedded simulator's
 * exchange); `validate`: Kraken checks every order (`validate: true`) and
 * places none; `live`: real orders, only when chosen explicitly.
 */
export type DeskMode = 'paper' | 'validate' | 'live'

/** The limits every order passes before anything is sent. */
export interface RiskPolicy {
  /** Pairs the desk may trade, as Kraken spells them (`"BTC/USD"`). */
  readonly symbols: readonly string[]
  /** Largest order value, quantity × price, in the quote currency. */
  readonly maxOrderNotional: number
  /** Most open orders at once (the runtime's tracked open orders plus the new ones). */
  readonly maxOpenOrders: number
  /** Widest distance of a limit price from the verified book's mid, in basis points. */
  readonly priceBandBps: number
  /** Most orders sent (placed, amended, edited) in any 60 s window. */
  readonly maxOrdersPerMinute: number
}

/** The defaults: small, so that a forgotten setting errs on the safe side. */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  symbols: ['BTC/USD', 'ETH/USD'],
  maxOrderNotional: 1_000,
  maxOpenOrders: 10,
  priceBandBps: 500,
  maxOrdersPerMinute: 20,
}

/**
 * Fills in defaults and checks every limit is a positive finite number.
 * @throws {DeskConfigError} on an unusable limit or an empty allow-list.
 */
export function resolveRiskPolicy(
  policy: Partial<RiskPolicy> = {},
): RiskPolicy {
  const resolved: RiskPolicy = { ...DEFAULT_RISK_POLICY, ...policy }
  if (resolved.symbols.length === 0) {
    throw new DeskConfigError('The risk policy allows no symbol.')
  }
  for (const key of [
    'maxOrderNotional',
    'maxOpenOrders',
    'priceBandBps',
    'maxOrdersPerMinute',
  ] as const) {
    const value = resolved[key]
    if (!Number.isFinite(value) || value <= 0) {
      throw new DeskConfigError(
        `Risk limit "${key}" must be a positive number.`,
        {
          details: `got ${String(value)}`,
        },
      )
    }
  }
  return resolved
}
