/** Timers the engine uses; inject fake ones to drive time in tests. */
export type Scheduler = {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The global timers, looked up at call time so fake timers apply. */
export const defaultScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) =>
    clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** RFC 3339 with 6 fractional digits, as Kraken stamps `timestamp` and `time_in`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z')
}

/** RFC 3339 to whole seconds (rounded), as `cancel_all_orders_after` answers. */
export function rfc3339Seconds(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
}

/** Parses an RFC 3339 timestamp to ms, or `undefined` when it is not one. */
export function parseRfc3339(text: string): number | undefined {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(
      text,
    )
  )
    return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}
