import { createHash } from 'node:crypto'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The `cl_ord_id` an idempotency key stands for: the key itself when it is a
 * UUID, else a UUID-shaped digest of it, so that the same key always names
 * the same Kraken order (Kraken refuses a second open order with the same id).
 */
export function clOrdIdForKey(key: string): string {
  if (UUID.test(key)) return key.toLowerCase()
  const hex = createHash('sha256').update(key).digest('hex')
  // Version 5 and the RFC 4122 variant bits, so the result is a valid UUID.
  const variant = (
    (Number.parseInt(hex.slice(16, 17), 16) & 0x3) |
    0x8
  ).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Remembers the outcome of each keyed call, so that a retried call gets the
 * first call's answer (or waits for it) instead of acting twice. Bounded: the
 * oldest keys are forgotten first.
 */
export interface IdempotencyCache {
  /**
   * Runs `action` once per key; later calls with the key share its promise.
   * A failure for which `forget` is true (nothing was sent) frees the key.
   */
  run<T>(
    key: string,
    action: () => Promise<T>,
    forget?: (error: unknown) => boolean,
  ): Promise<T>
}

/** Creates a cache of at most `capacity` keys. */
export function createIdempotencyCache(capacity = 10_000): IdempotencyCache {
  const calls = new Map<string, Promise<unknown>>()
  return {
    run<T>(
      key: string,
      action: () => Promise<T>,
      forget?: (error: unknown) => boolean,
    ): Promise<T> {
      const known = calls.get(key)
      if (known !== undefined) return known as Promise<T>
      const promise = action()
      calls.set(key, promise)
      promise.catch((error: unknown) => {
        if (forget?.(error) === true && calls.get(key) === promise)
          calls.delete(key)
      })
      if (calls.size > capacity) {
        const oldest = calls.keys().next().value
        if (oldest !== undefined) calls.delete(oldest)
      }
      return promise
    },
  }
}
