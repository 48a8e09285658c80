import { BookOptionsError } from '../errors.js'

/** Options shared by the L2 and level3 books, once checked. */
export interface CheckedOptions {
  readonly symbol: string
  readonly depth: number
  readonly pricePrecision: number | undefined
  readonly qtyPrecision: number | undefined
}

/** Largest precision accepted: far beyond any Kraken pair, within toFixed. */
const MAX_PRECISION = 30

function checkPrecision(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > MAX_PRECISION
  )
    throw new BookOptionsError({
      option,
      details: `expected an integer from 0 to ${MAX_PRECISION}, got ${String(value)}`,
    })
  return value
}

/** Validates book options; throws {@link BookOptionsError}. */
export function checkOptions(
  options: {
    readonly symbol: unknown
    readonly depth?: unknown
    readonly pricePrecision?: unknown
    readonly qtyPrecision?: unknown
  },
  depths: readonly number[],
): CheckedOptions {
  const { symbol, depth = 10 } = options
  if (typeof symbol !== 'string' || symbol.length === 0)
    throw new BookOptionsError({
      option: 'symbol',
      details: `expected a non-empty string such as "BTC/USD", got ${String(symbol)}`,
    })
  if (typeof depth !== 'number' || !depths.includes(depth))
    throw new BookOptionsError({
      option: 'depth',
      details: `Kraken offers ${depths.join(', ')}; got ${String(depth)}`,
    })
  return {
    symbol,
    depth,
    pricePrecision: checkPrecision('pricePrecision', options.pricePrecision),
    qtyPrecision: checkPrecision('qtyPrecision', options.qtyPrecision),
  }
}
