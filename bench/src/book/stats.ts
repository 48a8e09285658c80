/** Median and spread of per-update costs, in µs. */
export interface Summary {
  readonly median: number
  readonly p10: number
  readonly p90: number
  readonly min: number
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ??
    Number.NaN
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), min: at(0) }
}

export function format(summary: Summary): string {
  const f = (n: number): string => n.toFixed(3)
  return `median ${f(summary.median)} µs (p10 ${f(summary.p10)}, p90 ${f(summary.p90)}, min ${f(summary.min)})`
}
