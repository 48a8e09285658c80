import type { Timers } from '../server/timers.js'

/** The close code of an idle connection (Kraken's own was not captured). */
export const IDLE_CLOSE_CODE = 1001
/** The close reason of an idle connection. */
export const IDLE_CLOSE_REASON = 'Idle timeout'

/**
 * Closes a connection once its client has sent nothing for `ms`, as Kraken
 * does after about a minute (SPEC §2.6). Returns the function to call on
 * every message from the client; the watch ends when the connection closes.
 */
export function watchIdle(
  connection: {
    close(code: number, reason: string): void
    onClose(listener: () => void): unknown
  },
  timers: Timers,
  ms: number,
): () => void {
  const expire = () => connection.close(IDLE_CLOSE_CODE, IDLE_CLOSE_REASON)
  let cancel = timers.timeout(expire, ms)
  let open = true
  connection.onClose(() => {
    open = false
    cancel()
  })
  return () => {
    if (!open) return
    cancel()
    cancel = timers.timeout(expire, ms)
  }
}
