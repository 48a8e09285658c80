import type { Params } from '../exchange/params.js'
import type { PairSpec } from '../market/instruments.js'
import { INVALID_ARGUMENTS, pairNotSupported } from '../methods/errors.js'
import type { ChannelPlan, SubscribeItem } from './types.js'

/** Thrown inside a plan when params are malformed; turned into one error. */
export class InvalidArguments extends Error {
  override name = 'InvalidArguments'
}

/** `params.symbol`: a non-empty array of strings. */
export function readSymbols(params: Params): string[] {
  const symbol = params.symbol
  if (!Array.isArray(symbol) || symbol.length === 0)
    throw new InvalidArguments()
  if (!symbol.every((s): s is string => typeof s === 'string'))
    throw new InvalidArguments()
  return symbol
}

/** A boolean param, or `fallback` when absent. */
export function readBoolean(
  params: Params,
  name: string,
  fallback: boolean,
): boolean {
  const value = params[name]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw new InvalidArguments()
  return value
}

/** A param restricted to `allowed`, or `fallback` when absent. */
export function readChoice<T extends string | number>(
  params: Params,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = params[name]
  if (value === undefined) return fallback
  const found = allowed.find((choice) => choice === value)
  if (found === undefined) throw new InvalidArguments()
  return found
}

/**
 * Builds a per-symbol plan: malformed params give one
 * `EGeneral:Invalid arguments`, unknown symbols `Currency pair not supported`.
 */
export function perSymbolPlan<TItem>(
  pairs: ReadonlyMap<string, PairSpec>,
  read: () => { symbols: readonly string[]; item: (pair: PairSpec) => TItem },
  unknown: (symbol: string) => TItem,
): ChannelPlan<TItem> {
  try {
    const { symbols, item } = read()
    return {
      ok: true,
      items: symbols.map((symbol) => {
        const pair = pairs.get(symbol)
        return pair === undefined ? unknown(symbol) : item(pair)
      }),
    }
  } catch (error) {
    if (error instanceof InvalidArguments)
      return { ok: false, error: INVALID_ARGUMENTS }
    throw error
  }
}

/** The failed item for a symbol the simulator does not list. */
export function unknownSymbol(symbol: string): SubscribeItem {
  return { ok: false, error: pairNotSupported(symbol), symbol }
}
