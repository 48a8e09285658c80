import { type Summary, summarize } from './stats.js'
import type { Bench, Sample } from './types.js'

/** A bench's result over several child processes. */
export type BenchReport = {
  readonly bench: string
  readonly baseline: string
  readonly corpus: string
  readonly frames: number
  readonly processes: number
  readonly ratio: Summary
  readonly nsPerFrame: Summary
  readonly baselineNsPerFrame: Summary
  readonly bytesPerFrame: Summary
  readonly baselineBytesPerFrame: Summary
}

/** Combines the samples of every child process of a bench. */
export function reportOf(
  bench: Bench,
  frames: number,
  samples: readonly Sample[],
): BenchReport {
  const of = (key: keyof Sample) => summarize(samples.map((s) => s[key]))
  return {
    bench: bench.name,
    baseline: bench.baseline.name,
    corpus: bench.corpus,
    frames,
    processes: samples.length,
    ratio: of('ratio'),
    nsPerFrame: of('nsPerFrame'),
    baselineNsPerFrame: of('baselineNsPerFrame'),
    bytesPerFrame: of('bytesPerFrame'),
    baselineBytesPerFrame: of('baselineBytesPerFrame'),
  }
}

const fixed = (n: number, digits: number) => n.toFixed(digits)
const spread = (s: Summary, digits: number) =>
  `${fixed(s.median, digits)} [${fixed(s.min, digits)}–${fixed(s.max, digits)}]`

/** One line per bench: ratio, ns/frame and bytes/frame, median [min–max]. */
export function formatReport(report: BenchReport): string {
  return [
    `${report.bench} on ${report.corpus} (${report.frames} frames, ${report.processes} processes)`,
    `  ratio to ${report.baseline}: ${spread(report.ratio, 3)} (throughput, higher is faster)`,
    `  ns/frame: ${spread(report.nsPerFrame, 0)}  (${report.baseline}: ${spread(report.baselineNsPerFrame, 0)})`,
    `  bytes/frame: ${spread(report.bytesPerFrame, 0)}  (${report.baseline}: ${spread(report.baselineBytesPerFrame, 0)})`,
  ].join('\n')
}
