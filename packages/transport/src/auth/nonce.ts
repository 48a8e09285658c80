let lastNonce = 0
let queue: Promise<unknown> = Promise.resolve()

/**
 * The next REST nonce: milliseconds since the epoch, bumped by one when
 * needed so that nonces are strictly increasing across every provider in the
 * process, even when called within the same millisecond.
 */
export function nextNonce(): string {
  lastNonce = Math.max(Date.now(), lastNonce + 1)
  return String(lastNonce)
}

/**
 * Runs signed requests one at a time, process-wide. Kraken rejects a nonce
 * lower than one it has already seen, so two requests in flight at once could
 * reach it out of order; serialising them keeps nonces arriving in order.
 */
export function serialize<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task)
  queue = run.catch(() => undefined)
  return run
}
