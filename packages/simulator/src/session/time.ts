/** RFC 3339 with 6 fraction digits, as Kraken writes `time_in` and `timestamp`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z')
}

/** RFC 3339 with 9 fraction digits, as Kraken writes OHLC times. */
export function rfc3339Nanos(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000000Z')
}
