/** Tracks the last nonce seen per API key. */
export type NonceGuard = {
  /**
   * Accepts `nonce` for `apiKey` when it is a decimal unsigned 64-bit
   * integer greater than the key's last accepted nonce, and remembers it.
   */
  accept(apiKey: string, nonce: string): boolean
}

const U64_MAX = (1n << 64n) - 1n

/**
 * Creates Kraken's nonce rule: per key, every nonce must be greater than
 * the last one accepted (a reused or decreasing nonce is refused).
 *
 * @example
 * ```ts
 * const guard = createNonceGuard()
 * guard.accept(apiKey, '2') // true
 * guard.accept(apiKey, '2') // false
 * ```
 */
export function createNonceGuard(): NonceGuard {
  const last = new Map<string, bigint>()
  return {
    accept(apiKey, nonce) {
      if (!/^\d{1,20}$/.test(nonce)) return false
      const value = BigInt(nonce)
      if (value > U64_MAX) return false
      const previous = last.get(apiKey)
      if (previous !== undefined && value <= previous) return false
      last.set(apiKey, value)
      return true
    },
  }
}
