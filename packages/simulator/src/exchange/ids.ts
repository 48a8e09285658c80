/** Deterministic ids shaped like Kraken's, from a seed. */
export type IdGenerator = {
  /** An order id such as `OK4GJX-KSTLS-7DZZO5`. */
  orderId(): string
  /** An execution id such as `TGBB7L-HT5LX-J3BZ4A`. */
  execId(): string
  /** A ledger id such as `LDKKFF-WEA5A-CNUBHG`. */
  ledgerId(): string
  /** An amend id such as `TTW6PD-RC36L-ZZSWNU`. */
  amendId(): string
  /** `size` pseudo-random bytes (for tokens). */
  bytes(size: number): Uint8Array
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function hashSeed(seed: string): number {
  // FNV-1a: spreads any seed text over 32 bits.
  let hash = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * Creates a seeded id generator (mulberry32), so that a run with the same
 * seed and the same inputs produces the same ids.
 *
 * @example
 * ```ts
 * const ids = createIdGenerator('test')
 * ids.orderId() // same value on every run
 * ```
 */
export function createIdGenerator(seed: string | number = 1): IdGenerator {
  let state = hashSeed(String(seed))
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  function chars(count: number): string {
    let text = ''
    for (let i = 0; i < count; i++)
      text += ALPHABET[Math.floor(next() * ALPHABET.length)]
    return text
  }
  const id = (prefix: string) => `${prefix}${chars(5)}-${chars(5)}-${chars(6)}`
  return {
    orderId: () => id('O'),
    execId: () => id('T'),
    ledgerId: () => id('L'),
    amendId: () => id('T'),
    bytes(size) {
      const out = new Uint8Array(size)
      for (let i = 0; i < size; i++) out[i] = Math.floor(next() * 256)
      return out
    },
  }
}
