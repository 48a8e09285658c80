/** One entry of REST `Assets`: its legacy key (`XXBT`) and `altname` (`XBT`). */
export interface RestAssetEntry {
  /** The key of the `Assets` result, e.g. `XXBT`. */
  readonly id: string
  /** `altname`, e.g. `XBT`. */
  readonly altname: string
}

/** Looks up REST `Assets` for one asset name, or every asset without one; resolves with the entries. */
export type RestAssetLookup = (asset?: string) => Promise<RestAssetEntry[]>

/**
 * The lookup of a client with no REST venue to ask (a simulator without
 * `restUrl`, a tape, a fake transport): it always rejects, so hints come from
 * the instrument data alone and nothing reaches Kraken unasked.
 */
export const noAssetLookup: RestAssetLookup = () =>
  Promise.reject(new Error('No REST base URL for the Assets lookup.'))

/**
 * A {@link RestAssetLookup} over Kraken's public REST `Assets` endpoint at
 * `restUrl`. Any failure (network, HTTP status, Kraken's `error`, a body of
 * another shape, `timeout` ms passing) rejects; callers treat that as "no
 * data", since the lookup only improves a message.
 */
export function restAssetLookup(
  restUrl: string,
  timeout: number,
  fetchFn: typeof globalThis.fetch = globalThis.fetch,
): RestAssetLookup {
  return async (asset) => {
    const url = new URL('/0/public/Assets', restUrl)
    if (asset !== undefined) url.searchParams.set('asset', asset)
    const response = await fetchFn(url, {
      signal: AbortSignal.timeout(timeout),
    })
    if (!response.ok)
      throw new Error(`Assets answered HTTP ${response.status}.`)
    const body = (await response.json()) as {
      error?: unknown
      result?: unknown
    }
    if (Array.isArray(body.error) && body.error.length > 0)
      throw new Error(`Assets answered ${String(body.error[0])}.`)
    if (typeof body.result !== 'object' || body.result === null)
      throw new Error('Assets answered without a result.')
    return Object.entries(body.result).flatMap(([id, entry]) => {
      const altname = (entry as { altname?: unknown } | null)?.altname
      return typeof altname === 'string' ? [{ id, altname }] : []
    })
  }
}
