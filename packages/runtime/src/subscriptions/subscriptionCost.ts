/** Symbols one level3 connection may subscribe to. */
export const LEVEL3_SYMBOL_LIMIT = 200

/** The standard level3 subscription rate limit, in cost units per second. */
export const LEVEL3_RATE_PER_SECOND = 200

/** Kraken's level3 rate-counter increment per symbol, by depth. */
const LEVEL3_COST_BY_DEPTH: readonly (readonly [number, number])[] = [
  [10, 5],
  [100, 25],
  [1000, 100],
]

/** Level3's default depth. */
const LEVEL3_DEFAULT_DEPTH = 10

/**
 * What subscribing `symbols` symbols on `channel` with `params` adds to
 * Kraken's rate counter. Level3 counts per symbol by depth (10 → 5,
 * 100 → 25, 1000 → 100; a depth between tiers costs as the next tier);
 * other channels count one per request.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export function subscriptionCost(
  channel: string,
  params: Readonly<Record<string, unknown>>,
  symbols: number,
): number {
  if (channel !== 'level3') return 1
  const depth =
    typeof params.depth === 'number' ? params.depth : LEVEL3_DEFAULT_DEPTH
  let perSymbol = 100
  for (const [tierDepth, cost] of LEVEL3_COST_BY_DEPTH) {
    if (depth <= tierDepth) {
      perSymbol = cost
      break
    }
  }
  return perSymbol * symbols
}
