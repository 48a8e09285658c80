/**
 * Keys whose number literals must be kept as text, per lossless kind: book
 * checksums need the exact decimals, and `connection_id` exceeds 2^53.
 */
export const LOSSLESS_KEYS = {
  book: ['price', 'qty'],
  level3: ['limit_price', 'order_qty'],
  status: ['connection_id'],
} as const

/** A kind of frame whose number literals must be kept as text. */
export type LosslessKind = keyof typeof LOSSLESS_KEYS

const quoters: Record<LosslessKind, RegExp> = {
  book: quoter(LOSSLESS_KEYS.book),
  level3: quoter(LOSSLESS_KEYS.level3),
  status: quoter(LOSSLESS_KEYS.status),
}

function quoter(keys: readonly string[]): RegExp {
  return new RegExp(`"(${keys.join('|')})"(\\s*):(\\s*)(-?\\d[\\d.eE+-]*)`, 'g')
}

/**
 * Rewrites `"price":0.10000000` as `"price":"0.10000000"` for the kind's
 * keys, so that `JSON.parse` keeps the literal's exact text. A string value
 * can never match: inside a JSON string every quote is escaped.
 */
export function quoteNumbers(text: string, kind: LosslessKind): string {
  return text.replace(quoters[kind], '"$1"$2:$3"$4"')
}

/**
 * The text of the number literal after each occurrence of `needle` (e.g.
 * `"price":`), in document order; `undefined` if one is not a bare number
 * (whitespace, a string, an object), which sends the frame to the slow path.
 */
export function scanNumberTexts(
  text: string,
  needle: string,
): string[] | undefined {
  const texts: string[] = []
  let at = text.indexOf(needle)
  while (at !== -1) {
    const start = at + needle.length
    let end = start
    for (;;) {
      const c = text.charCodeAt(end)
      // digits, '.', '-', '+', 'e', 'E': the characters of a JSON number
      if (
        (c >= 48 && c <= 57) ||
        c === 46 ||
        c === 45 ||
        c === 43 ||
        c === 101 ||
        c === 69
      )
        end++
      else break
    }
    if (end === start) return undefined
    texts.push(text.slice(start, end))
    at = text.indexOf(needle, end)
  }
  return texts
}
