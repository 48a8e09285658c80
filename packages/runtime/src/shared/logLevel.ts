/** Log levels, as in the Python library, least severe first. */
export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical'

/** Each level's rank: a message is written when its rank reaches the threshold. */
export const LOG_LEVEL_RANK: Readonly<Record<LogLevel, number>> = Object.freeze(
  { debug: 10, info: 20, warning: 30, error: 40, critical: 50 },
)

/** Whether `value` is one of the five level names. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(LOG_LEVEL_RANK, value)
}
