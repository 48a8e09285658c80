const RFC3339 =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Parses Kraken's RFC3339 timestamps to ms since the epoch, keeping the
 * sub-millisecond digits that `Date.parse` drops. A missing zone means UTC
 * (one documented example has none). Returns undefined when it does not parse.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = RFC3339.exec(text)
  if (match === null) return undefined
  const [, seconds, fraction = '', zone = 'Z'] = match
  const whole = Date.parse(`${seconds}${zone}`)
  if (Number.isNaN(whole)) return undefined
  return fraction === '' ? whole : whole + Number(`0.${fraction}`) * 1000
}
