import { parseKrakenTime } from './krakenTime.js'

/**
 * The earliest future start (ms since the epoch) among `status`
 * `upcoming_maintenance` entries, or undefined. Kraken has not documented
 * the entries' fields, so any field whose name contains `start` and whose
 * value reads as a time counts: an RFC3339 string, or a number of seconds
 * (below 1e11) or milliseconds since the epoch.
 */
export function maintenanceStart(
  notices: readonly Readonly<Record<string, unknown>>[] | undefined,
  now: number,
): number | undefined {
  let earliest: number | undefined
  for (const notice of notices ?? []) {
    for (const [key, value] of Object.entries(notice)) {
      if (!/start/i.test(key)) continue
      const at = readTime(value)
      if (at === undefined || at <= now) continue
      if (earliest === undefined || at < earliest) earliest = at
    }
  }
  return earliest
}

function readTime(value: unknown): number | undefined {
  if (typeof value === 'string') return parseKrakenTime(value)
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value < 1e11 ? value * 1000 : value
  }
  return undefined
}
