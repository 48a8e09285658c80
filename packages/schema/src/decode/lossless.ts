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
