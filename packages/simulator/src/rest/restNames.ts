import type { PairSpec } from '../market/instruments.js'

/**
 * REST names of assets older than Kraken's current naming: REST keys them
 * with an X (crypto) or Z (fiat) prefix and an `altname` (`XXBT`/`XBT`),
 * while WebSocket v2 says `BTC`. Assets not listed keep their v2 name.
 */
const LEGACY_ASSETS: ReadonlyMap<string, { id: string; altname: string }> =
  new Map([
    ['BTC', { id: 'XXBT', altname: 'XBT' }],
    ['ETH', { id: 'XETH', altname: 'ETH' }],
    ['XRP', { id: 'XXRP', altname: 'XRP' }],
    ['LTC', { id: 'XLTC', altname: 'LTC' }],
    ['XLM', { id: 'XXLM', altname: 'XLM' }],
    ['DOGE', { id: 'XXDG', altname: 'XDG' }],
    ['USD', { id: 'ZUSD', altname: 'USD' }],
    ['EUR', { id: 'ZEUR', altname: 'EUR' }],
    ['GBP', { id: 'ZGBP', altname: 'GBP' }],
    ['CAD', { id: 'ZCAD', altname: 'CAD' }],
    ['JPY', { id: 'ZJPY', altname: 'JPY' }],
  ])

/** An asset's REST names. */
export type RestAssetName = {
  /** The key of `Assets` and `Balance` results, e.g. `XXBT`. */
  readonly id: string
  /** `altname`, e.g. `XBT`. */
  readonly altname: string
}

/** The REST names of the WebSocket v2 asset `asset` (e.g. `BTC` → `XXBT`/`XBT`). */
export function restAsset(asset: string): RestAssetName {
  return LEGACY_ASSETS.get(asset) ?? { id: asset, altname: asset }
}

/** A pair's REST names. */
export type RestPairName = {
  /** The key of `AssetPairs`, `Ticker`, `Depth`... results, e.g. `XXBTZUSD`. */
  readonly key: string
  /** `altname`, e.g. `XBTUSD`. */
  readonly altname: string
  /** `wsname`, e.g. `XBT/USD`. */
  readonly wsname: string
}

/**
 * The REST names of a pair: pairs of two legacy assets are keyed by their
 * prefixed ids (`XXBTZUSD`, `XETHXXBT`), others by their altname (`SOLUSD`).
 */
export function restPair(spec: PairSpec): RestPairName {
  const base = restAsset(spec.base)
  const quote = restAsset(spec.quote)
  const altname = `${base.altname}${quote.altname}`
  const legacy = LEGACY_ASSETS.has(spec.base) && LEGACY_ASSETS.has(spec.quote)
  return {
    key: legacy ? `${base.id}${quote.id}` : altname,
    altname,
    wsname: `${base.altname}/${quote.altname}`,
  }
}

/**
 * Finds the pair a REST `pair` parameter names: its key, altname, wsname or
 * v2 symbol, in any letter case, as Kraken accepts.
 */
export function findPair(
  pairs: Iterable<PairSpec>,
  name: string,
): { spec: PairSpec; names: RestPairName } | undefined {
  const wanted = name.trim().toUpperCase()
  for (const spec of pairs) {
    const names = restPair(spec)
    if (
      names.key === wanted ||
      names.altname === wanted ||
      names.wsname === wanted ||
      spec.symbol.toUpperCase() === wanted
    )
      return { spec, names }
  }
  return undefined
}
