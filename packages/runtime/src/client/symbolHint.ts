/** A symbol's letters only, upper case: `btc-usd`, `BTCUSD` and `BTC/USD` agree. */
function letters(symbol: string): string {
  return symbol.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

/** Each v2 asset's names: its own id, then its older names. */
function spellingsByAsset(
  legacyNames: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const spellings = new Map<string, string[]>()
  for (const [legacy, v2] of legacyNames) {
    const list = spellings.get(v2) ?? [v2]
    list.push(legacy)
    spellings.set(v2, list)
  }
  return spellings
}

/**
 * A hint for a symbol Kraken does not list, from the pairs Kraken does list
 * (the `instrument` channel's symbols): the listed symbol spelled with the
 * same letters (`btcusd`, `BTC-USD` → `BTC/USD`), or, given the assets'
 * older names (`XBT` → `BTC`, from REST `Assets`), the listed symbol an
 * older spelling names (`XBT/USD`, `XXBTZUSD` → `BTC/USD`); else undefined.
 */
export function symbolHint(
  asked: string,
  listed: Iterable<string>,
  legacyNames: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const wanted = letters(asked)
  if (wanted === '') return undefined
  const spellings = spellingsByAsset(legacyNames)
  for (const symbol of listed) {
    if (symbol === asked) continue
    if (letters(symbol) === wanted) return `Kraken v2 calls it ${symbol}.`
    const [base, quote, ...rest] = symbol.split('/')
    if (base === undefined || quote === undefined || rest.length > 0) continue
    for (const baseName of spellings.get(base) ?? [base])
      for (const quoteName of spellings.get(quote) ?? [quote])
        if (letters(baseName + quoteName) === wanted)
          return `Kraken v2 calls it ${symbol}.`
  }
  return undefined
}
