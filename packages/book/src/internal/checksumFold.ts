import { crcShift } from './crc32Shift.js'
import type { ChecksumPart } from './levelEntry.js'

/** Kraken checksums cover this many price levels per side. */
export const CHECKSUM_LEVELS = 10

/**
 * Kraken's checksum from cached per-level parts: the top 10 asks (lowest
 * first) then the top 10 bids (highest first), as one CRC-32.
 */
export function foldChecksum(
  asks: readonly ChecksumPart[],
  bids: readonly ChecksumPart[],
): number {
  let register = 0xffffffff | 0
  const askCount = Math.min(CHECKSUM_LEVELS, asks.length)
  for (let i = 0; i < askCount; i++) {
    const part = asks[i]
    if (part !== undefined)
      register = crcShift(register, part.length) ^ part.raw
  }
  const bidCount = Math.min(CHECKSUM_LEVELS, bids.length)
  for (let i = 0; i < bidCount; i++) {
    const part = bids[i]
    if (part !== undefined)
      register = crcShift(register, part.length) ^ part.raw
  }
  return ~register >>> 0
}
