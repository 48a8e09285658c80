const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Reads Kraken's RFC3339 timestamps leniently, keeping sub-millisecond
 * digits as a fraction (`"2023-09-24T14:10:23.799685Z"` → `…799.685`). A
 * missing zone (seen in a doc example) is read as UTC. `undefined` when the
 * text is not a timestamp.
 */
export function parseKrakenTime(text: string): number | undefined {
  const m = RFC3339.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m
  const base = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
  )
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)))
  const ms = fraction === '' ? 0 : Number(`0.${fraction}`) * 1000
  return base + ms - offset * 60_000
}

/** Precision of a timestamp Kraken accepts: `deadline` takes ms, `expire_time` and `effective_time` seconds. */
export type KrakenTimePrecision = 'ms' | 's'

/**
 * Writes an instant (ms since the epoch) as Kraken takes it: RFC3339 UTC,
 * to the millisecond (`2024-07-21T09:53:59.050Z`) or the second
 * (`2024-07-21T09:53:59Z`, truncated).
 */
export function formatKrakenTime(
  ms: number,
  precision: KrakenTimePrecision = 'ms',
): string {
  const iso = new Date(Math.floor(ms)).toISOString()
  return precision === 'ms' ? iso : `${iso.slice(0, 19)}Z`
}
