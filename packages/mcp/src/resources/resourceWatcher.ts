/** Watches subscribed resources and reports those that changed, at most once per interval each. */
export interface ResourceWatcher {
  /** Starts watching `uri`; what it reads now is the baseline. */
  subscribe(uri: string): Promise<void>
  unsubscribe(uri: string): void
  /** Stops the timer. */
  close(): void
}

/** Options of {@link watchResources}. */
export interface ResourceWatcherOptions {
  /** Reads a resource's current text. */
  readonly read: (uri: string) => Promise<string>
  /** Called when a subscribed resource's text differs from what was last reported. */
  readonly changed: (uri: string) => void
  /** How often subscribed resources are compared (ms): the notification rate limit. @default 1_000 */
  readonly interval?: number | undefined
}

/**
 * A throttle by construction: each interval, every subscribed resource is
 * read once and compared with its last reported text, so a book that
 * changes a hundred times a second still yields one notification per
 * interval, and a quiet resource none. Reading is cheap (in-memory state).
 */
export function watchResources(
  options: ResourceWatcherOptions,
): ResourceWatcher {
  const interval = options.interval ?? 1_000
  const last = new Map<string, string>()
  let timer: ReturnType<typeof setInterval> | undefined
  let busy = false

  const tick = async () => {
    // A slow read must not let ticks pile up.
    if (busy) return
    busy = true
    try {
      for (const uri of [...last.keys()]) {
        const now = await options.read(uri).catch(() => undefined)
        if (now === undefined || !last.has(uri) || last.get(uri) === now)
          continue
        last.set(uri, now)
        options.changed(uri)
      }
    } finally {
      busy = false
    }
  }

  return {
    async subscribe(uri) {
      last.set(uri, await options.read(uri))
      if (timer === undefined) {
        timer = setInterval(() => void tick(), interval)
        timer.unref?.()
      }
    },
    unsubscribe(uri) {
      last.delete(uri)
      if (last.size === 0 && timer !== undefined) {
        clearInterval(timer)
        timer = undefined
      }
    },
    close() {
      last.clear()
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
    },
  }
}
