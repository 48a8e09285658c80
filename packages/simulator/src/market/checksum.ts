import { crc32 } from 'node:zlib'

/** A book level as the exact decimal text written on the wire. */
export type LevelText = { readonly price: string; readonly qty: string }

/** Kraken's checksum form of a decimal: the point removed, leading zeros stripped. */
export function checksumDigits(text: string): string {
  return text.replace('.', '').replace(/^0+/, '')
}

/**
 * The v2 book checksum: CRC32 over the top 10 asks (best first) then the
 * top 10 bids (best first), each level as price digits then qty digits.
 * Levels must be the exact text Kraken (or the simulator) writes, at the
 * pair's precision.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ws-book-v2
 */
export function bookChecksum(
  asks: readonly LevelText[],
  bids: readonly LevelText[],
): number {
  return crc32(checksumInput(asks, bids)) >>> 0
}

/** The string {@link bookChecksum} hashes (asks part then bids part). */
export function checksumInput(
  asks: readonly LevelText[],
  bids: readonly LevelText[],
): string {
  let text = ''
  for (const side of [asks, bids])
    for (let i = 0; i < side.length && i < 10; i++) {
      const level = side[i]
      if (level === undefined) break
      text += checksumDigits(level.price) + checksumDigits(level.qty)
    }
  return text
}

/**
 * The level3 checksum: the top 10 price levels per side (asks, then bids,
 * best first), and within each level every order in queue order, as
 * `limit_price` digits then `order_qty` digits.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ws-l3-v2
 */
export function level3Checksum(
  asks: readonly (readonly LevelText[])[],
  bids: readonly (readonly LevelText[])[],
): number {
  let text = ''
  for (const side of [asks, bids])
    for (const level of side.slice(0, 10))
      for (const order of level)
        text += checksumDigits(order.price) + checksumDigits(order.qty)
  return crc32(text) >>> 0
}
