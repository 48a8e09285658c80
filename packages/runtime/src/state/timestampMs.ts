const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Milliseconds since the epoch of one of Kraken's RFC 3339 timestamps, for
 * arithmetic beside the exact text Kraken sent (which stays as it is).
 * Digits below the millisecond are kept as a fraction
 * (`…:00.123456789Z` → `….123456789` ms, as exact as a double allows). A
 * timestamp without a zone is UTC, as Kraken means it (`Date.parse` would
 * read it as local time).
 *
 * @returns the instant in ms, or `undefined` for text that is not such a timestamp.
 * @example
 * ```ts
 * timestampMs('2023-09-25T07:49:37.708706Z') // 1695628177708.706
 * const age = Date.now() - (timestampMs(ticker.timestamp ?? '') ?? Date.now())
 * ```
 */
export function timestampMs(text: string): number | undefined {
  const match = RFC3339.exec(text)
  if (match === null) return undefined
  const [, year, month, day, hour, minute, second, fraction, zone] = match
  const whole = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  )
  if (Number.isNaN(whole)) return undefined
  // The fraction's digits scaled to ms: `708706` → 708.706.
  const subSecond = fraction === undefined ? 0 : Number(`0.${fraction}`) * 1_000
  return whole + subSecond - zoneOffsetMs(zone)
}

/** The zone's offset from UTC in ms (`+02:00` → 7_200_000); none or `Z` is UTC. */
function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const hours = Number(zone.slice(1, 3))
  const minutes = Number(zone.slice(4, 6))
  return sign * (hours * 60 + minutes) * 60_000
}
