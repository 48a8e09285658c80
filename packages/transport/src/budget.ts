import { InvalidConfigError } from './errors.js'

/**
 * A sliding-window limit on connection attempts, shared by every socket of a
 * client (or of several clients), so that even a crash loop stays under
 * Kraken's Cloudflare limit of about 150 attempts per 10 minutes per IP.
 */
export type ConnectionBudget = {
  /** Takes one attempt if the window allows it; false when spent. */
  tryTake(): boolean
  /** Wait (ms) until an attempt is available; 0 when one is. */
  waitTime(): number
  /** Attempts left in the current window. */
  readonly remaining: number
}

/** Options of {@link createConnectionBudget}. */
export type ConnectionBudgetConfig = {
  /** Attempts allowed per window. @default 100 */
  limit?: number | undefined
  /** Window length (ms). @default 600_000 */
  window?: number | undefined
}

/**
 * Creates a connection budget. Pass the same budget to every transport that
 * should share it (the runtime passes one per client).
 *
 * @example
 * ```ts
 * import { createConnectionBudget, nodeWebSocket } from '@kraken-sockets/transport'
 * const budget = createConnectionBudget({ limit: 100, window: 600_000 })
 * const transport = nodeWebSocket({ budget })({ endpoint: 'public' })
 * ```
 */
export function createConnectionBudget(
  config: ConnectionBudgetConfig = {},
): ConnectionBudget {
  const limit = config.limit ?? 100
  const window = config.window ?? 600_000
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidConfigError({
      option: 'limit',
      reason: 'must be a positive integer',
    })
  if (!Number.isFinite(window) || window <= 0)
    throw new InvalidConfigError({
      option: 'window',
      reason: 'must be a positive number of ms',
    })
  // Times of the attempts still inside the window, oldest first.
  const taken: number[] = []
  const expire = (now: number) => {
    while (taken.length > 0 && (taken[0] ?? now) <= now - window) taken.shift()
  }
  return {
    tryTake() {
      const now = Date.now()
      expire(now)
      if (taken.length >= limit) return false
      taken.push(now)
      return true
    },
    waitTime() {
      const now = Date.now()
      expire(now)
      if (taken.length < limit) return 0
      return (taken[0] ?? now) + window - now
    },
    get remaining() {
      expire(Date.now())
      return limit - taken.length
    },
  }
}
