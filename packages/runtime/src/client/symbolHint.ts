/** A symbol's letters only, upper case: `btc-usd`, `BTCUSD` and `BTC/USD` agree. */
function letters(symbol: string): string {
  return symbol.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

/**
 * A hint for a symbol Kraken does not list, from the pairs Kraken does list
 * (the `instrument` channel's symbols): the listed symbol spelled with the
 * same letters (`btcusd`, `BTC-USD` → `BTC/USD`), else undefined.
 */
export function symbolHint(
  asked: string,
  listed: Iterable<string>,
): string | undefined {
  const wanted = letters(asked)
  if (wanted === '') return undefined
  for (const symbol of listed) {
    if (symbol !== asked && letters(symbol) === wanted)
      return `Kraken v2 calls it ${symbol}.`
  }
  return undefined
}
