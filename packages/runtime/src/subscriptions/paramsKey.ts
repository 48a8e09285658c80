/** Request fields that never distinguish one subscription from another. */
const IDENTITY_EXCLUDED = new Set(['channel', 'symbol', 'token', 'req_id'])

/**
 * The params of a subscription that identify it, besides channel and symbol
 * (e.g. `depth`, `interval`, `snapshot`): a copy without `channel`, `symbol`,
 * `token` and `req_id`, and without `undefined` values.
 */
export function identityParams(
  params: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(params).sort()) {
    if (IDENTITY_EXCLUDED.has(key) || params[key] === undefined) continue
    result[key] = params[key]
  }
  return Object.freeze(result)
}

/**
 * A stable text key for identity params: the same params in any key order
 * give the same key.
 */
export function paramsKey(params: Readonly<Record<string, unknown>>): string {
  return stableStringify(identityParams(params))
}

/** JSON with object keys sorted at every level. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => stableStringify(item)).join(',')}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) =>
          `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`,
      )
    return `{${entries.join(',')}}`
  }
  if (typeof value === 'bigint') return value.toString()
  return JSON.stringify(value) ?? 'null'
}

/** The intent identity of a channel, symbol and params key (see {@link paramsKey}). */
export function keyedIntentId(
  channel: string,
  symbol: string | undefined,
  key: string,
): string {
  return JSON.stringify([channel, symbol ?? null, key])
}

/** Whether every param given in `wanted` has the same value in `params`. */
export function matchesGiven(
  params: Readonly<Record<string, unknown>>,
  wanted: Readonly<Record<string, unknown>>,
): boolean {
  for (const [key, value] of Object.entries(wanted)) {
    if (JSON.stringify(params[key]) !== JSON.stringify(value)) return false
  }
  return true
}
