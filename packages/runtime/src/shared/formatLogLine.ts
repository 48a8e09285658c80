import type { LogLevel } from './logLevel.js'

/**
 * One readable line: ISO timestamp, level, message, then the context as
 * compact `key=value` pairs (strings with spaces quoted, objects as JSON).
 *
 * @example
 * ```ts
 * formatLogLine(new Date(0), 'warning', 'Resubscribing', { endpoint: 'public', req_id: 3 })
 * // '1970-01-01T00:00:00.000Z WARNING Resubscribing endpoint=public req_id=3'
 * ```
 */
export function formatLogLine(
  time: Date,
  level: LogLevel,
  message: string,
  context: Readonly<Record<string, unknown>> | undefined,
): string {
  let line = `${time.toISOString()} ${level.toUpperCase()} ${message}`
  if (context === undefined) return line
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined) continue
    line += ` ${key}=${formatValue(value)}`
  }
  return line
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  if (typeof value === 'bigint') return `${value}n`
  if (value instanceof Error)
    return JSON.stringify(`${value.name}: ${value.message}`)
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'bigint' ? item.toString() : item,
      ) ?? String(value)
    )
  } catch {
    return '[unserializable]'
  }
}
