/** The verdict on one fault. */
export type Verdict = {
  readonly label: string
  readonly type: string
  readonly survived: boolean
  /** Invariants still broken at the end of the recovery window. */
  readonly broken: readonly string[]
}

/** The storm's summary: faults injected and survived, by type and by cause. */
export function summarize(verdicts: readonly Verdict[]): string[] {
  const survived = verdicts.filter((v) => v.survived).length
  const percent = (100 * survived) / Math.max(1, verdicts.length)
  const lines = [
    '',
    `faults injected ${verdicts.length}, survived ${survived} (${percent.toFixed(0)} %)`,
  ]
  const byType = new Map<string, { injected: number; survived: number }>()
  for (const v of verdicts) {
    const entry = byType.get(v.type) ?? { injected: 0, survived: 0 }
    entry.injected++
    if (v.survived) entry.survived++
    byType.set(v.type, entry)
  }
  for (const [type, counts] of [...byType].sort())
    lines.push(`  ${type.padEnd(18)} ${counts.survived}/${counts.injected}`)
  const causes = new Map<string, number>()
  for (const v of verdicts)
    for (const broken of v.broken) {
      // Counts and listings vary; the kind of breakage is what adds up.
      const kind = broken.replace(/\{.*\}/, '{...}').replace(/\d+/g, 'N')
      causes.set(kind, (causes.get(kind) ?? 0) + 1)
    }
  if (causes.size > 0) {
    lines.push('invariants broken at the end of a window (faults):')
    for (const [kind, count] of [...causes].sort((a, b) => b[1] - a[1]))
      lines.push(`  ${count} x ${kind}`)
  }
  return lines
}
