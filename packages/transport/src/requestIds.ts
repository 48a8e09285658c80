/** Largest `req_id` handed out: ids stay within a signed 32-bit integer. */
export const MAX_REQ_ID = 2_147_483_647

/**
 * Hands out `req_id`s for one transport: positive int32 integers, counting up
 * and wrapping to 1, skipping ids still in flight. The runtime takes an id for
 * every request and releases it once the answer arrived or was abandoned.
 */
export type RequestIdAllocator = {
  /** Takes the next free id and marks it in flight. */
  next(): number
  /** Marks an id as answered (or abandoned), so it can be reused. */
  release(id: number): void
  isInFlight(id: number): boolean
  /** How many ids are in flight. */
  readonly inFlight: number
  /** Releases every id (the transport calls it when a new socket opens). */
  clear(): void
}

/** Options of {@link createRequestIdAllocator}. */
export type RequestIdAllocatorOptions = {
  /** First id handed out. @default 1 */
  start?: number | undefined
  /** Largest id before wrapping to 1 (at most MAX_REQ_ID). @default MAX_REQ_ID */
  max?: number | undefined
}

/**
 * Creates a `req_id` allocator.
 *
 * @example
 * ```ts
 * const ids = createRequestIdAllocator()
 * const id = ids.next() // 1
 * ids.release(id)
 * ```
 */
export function createRequestIdAllocator(
  options: RequestIdAllocatorOptions = {},
): RequestIdAllocator {
  const max = clamp(options.max ?? MAX_REQ_ID, MAX_REQ_ID, MAX_REQ_ID)
  const pending = new Set<number>()
  let last = clamp(options.start ?? 1, max, 1) - 1
  return {
    next() {
      if (pending.size >= max)
        throw new RangeError('Every req_id is in flight.')
      do {
        last = last >= max ? 1 : last + 1
      } while (pending.has(last))
      pending.add(last)
      return last
    },
    release(id) {
      pending.delete(id)
    },
    isInFlight(id) {
      return pending.has(id)
    },
    get inFlight() {
      return pending.size
    },
    clear() {
      pending.clear()
    },
  }
}

function clamp(value: number, max: number, fallback: number): number {
  return Number.isInteger(value) && value >= 1 && value <= max
    ? value
    : fallback
}
