import { crc32 } from 'node:zlib'

/** A side of a book as exact texts: `[priceText, qtyText]`, best first. */
export type TextSide = [string, string][]

const digits = (text: string) => text.replace('.', '').replace(/^0+/, '')

/** Kraken's book checksum: CRC32 of the top 10 asks then the top 10 bids. */
export function bookChecksum(bids: TextSide, asks: TextSide): number {
  let text = ''
  for (const [price, qty] of asks.slice(0, 10))
    text += digits(price) + digits(qty)
  for (const [price, qty] of bids.slice(0, 10))
    text += digits(price) + digits(qty)
  return crc32(text) >>> 0
}

/**
 * Kraken's level3 checksum: like {@link bookChecksum}, but every order of the
 * top 10 price levels of each side, in queue order. Orders come best first.
 */
export function level3Checksum(bids: TextSide, asks: TextSide): number {
  return crc32(topLevelsText(asks) + topLevelsText(bids)) >>> 0
}

function topLevelsText(orders: TextSide): string {
  let text = ''
  let levels = 0
  let price: string | undefined
  for (const [orderPrice, qty] of orders) {
    if (orderPrice !== price) {
      if (++levels > 10) break
      price = orderPrice
    }
    text += digits(orderPrice) + digits(qty)
  }
  return text
}
