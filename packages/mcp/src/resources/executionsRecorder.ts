import type { Desk } from '@kraken-sockets/desk'

/** The recent execution reports, kept apart from the desk's busy event ring. */
export interface ExecutionsRecorder {
  /** Newest last. */
  recent(): readonly unknown[]
  /** Stops listening. */
  close(): void
}

/** Keeps the last `capacity` execution events the desk publishes. */
export function recordExecutions(
  desk: Desk,
  capacity = 100,
): ExecutionsRecorder {
  const kept: unknown[] = []
  const stop = desk.events.listen((event) => {
    if (event.kind !== 'execution') return
    kept.push(event.data)
    if (kept.length > capacity) kept.shift()
  })
  return { recent: () => kept, close: stop }
}
