import type { RestAssetLookup } from './restAssets.js'

/**
 * At most this many WebSocket v2 assets are looked up one by one. Only
 * assets whose REST names differ from their v2 id need it (`BTC` is `XXBT`
 * / `XBT` there, `DOGE` is `XXDG` / `XDG`): a handful on Kraken.
 */
const MAX_SINGLE_LOOKUPS = 32

/**
 * The older names of WebSocket v2 assets, from Kraken's REST `Assets`: each
 * REST key and `altname` that differs from the v2 id, mapped to that id
 * (`XBT` → `BTC`, `XXBT` → `BTC`, `XDG` → `DOGE`, `ZUSD` → `USD`).
 *
 * REST does not print the v2 id beside the older names, but it accepts any
 * of an asset's names in `asset=`. So one look-up of every REST asset gives
 * the entries whose key or altname is a v2 id; each v2 id left over is
 * looked up alone (`asset=BTC`), and its single entry is its own.
 */
export async function legacyAssetNames(
  v2Assets: Iterable<string>,
  lookup: RestAssetLookup,
): Promise<Map<string, string>> {
  const ids = [...new Set(v2Assets)]
  const names = new Map<string, string>()
  const add = (v2: string, entry: { id: string; altname: string }) => {
    for (const name of [entry.id, entry.altname])
      if (name !== v2) names.set(name, v2)
  }
  if (ids.length === 0) return names
  const known = new Set(ids)
  const resolved = new Set<string>()
  for (const entry of await lookup()) {
    const v2 = known.has(entry.id)
      ? entry.id
      : known.has(entry.altname)
        ? entry.altname
        : undefined
    if (v2 === undefined) continue
    resolved.add(v2)
    add(v2, entry)
  }
  const leftOver = ids.filter((id) => !resolved.has(id))
  const singles = await Promise.allSettled(
    leftOver.slice(0, MAX_SINGLE_LOOKUPS).map(async (id) => {
      const entries = await lookup(id)
      return { id, entries }
    }),
  )
  for (const single of singles) {
    if (single.status !== 'fulfilled') continue
    const [entry, ...more] = single.value.entries
    // Only a single answer is surely this asset's.
    if (entry !== undefined && more.length === 0) add(single.value.id, entry)
  }
  return names
}
