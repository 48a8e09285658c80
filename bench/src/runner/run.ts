import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { loadCorpus } from './corpus.js'
import { type MeasureOptions, measure } from './measure.js'
import { type BenchReport, reportOf } from './report.js'
import type { Bench, Sample } from './types.js'

/** How to run benches. */
export type RunOptions = MeasureOptions & {
  /** Separate child processes per bench. @default 5 */
  readonly processes?: number
  /** The module that calls {@link runChild} when given `--child <name>`. */
  readonly entry: string
}

/**
 * Runs each bench in `processes` fresh child processes, one after another
 * (so JIT state and heap never carry over), and combines their samples.
 */
export function runBenches(
  benches: readonly Bench[],
  options: RunOptions,
): BenchReport[] {
  const { processes = 5, entry, ...measureOptions } = options
  const reports: BenchReport[] = []
  for (const bench of benches) {
    const samples: Sample[] = []
    for (let p = 0; p < processes; p++) {
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          entry,
          '--child',
          bench.name,
          '--options',
          JSON.stringify(measureOptions),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      )
      const line = child.stdout.trim().split('\n').pop() ?? ''
      if (child.status !== 0 || !line.startsWith('{')) {
        throw new Error(
          `bench ${bench.name} failed in a child process (exit ${child.status})`,
        )
      }
      samples.push(JSON.parse(line) as Sample)
    }
    reports.push(reportOf(bench, loadCorpus(bench.corpus).length, samples))
  }
  return reports
}

/** The child side: measures one bench and prints its sample as JSON. */
export function runChild(
  benches: readonly Bench[],
  name: string,
  options: MeasureOptions,
): void {
  const bench = benches.find((b) => b.name === name)
  if (bench === undefined) throw new Error(`unknown bench ${name}`)
  process.stdout.write(
    `${JSON.stringify(measure(bench, loadCorpus(bench.corpus), options))}\n`,
  )
}

/** The path of a module, for {@link RunOptions.entry}. */
export const modulePath = (url: string) => fileURLToPath(url)
