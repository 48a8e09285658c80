import { GCProfiler } from 'node:v8'
import type { Bench, FrameFunction, Sample } from './types.js'

/** Measurement knobs. */
export type MeasureOptions = {
  /** Timed rounds per subject (the median is kept). @default 7 */
  readonly rounds?: number
  /** Minimum duration of a timed round (ms). @default 60 */
  readonly minRoundMs?: number
}

let sink: unknown

function pass(fn: FrameFunction, frames: readonly string[]): void {
  for (let i = 0; i < frames.length; i++) sink = fn(frames[i] as string)
}

function timePasses(
  fn: FrameFunction,
  frames: readonly string[],
  passes: number,
): number {
  const start = process.hrtime.bigint()
  for (let p = 0; p < passes; p++) pass(fn, frames)
  return Number(process.hrtime.bigint() - start)
}

/**
 * Bytes allocated by one pass: growth of the used heap plus what every
 * garbage collection during the pass reclaimed.
 */
function allocatedBytes(fn: FrameFunction, frames: readonly string[]): number {
  const profiler = new GCProfiler()
  const before = process.memoryUsage().heapUsed
  profiler.start()
  pass(fn, frames)
  const after = process.memoryUsage().heapUsed
  const { statistics } = profiler.stop()
  let reclaimed = 0
  for (const gc of statistics)
    reclaimed +=
      gc.beforeGC.heapStatistics.usedHeapSize -
      gc.afterGC.heapStatistics.usedHeapSize
  return after - before + reclaimed
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/**
 * Runs a bench in this process: warms both functions up, then alternates
 * timed rounds of baseline and subject so drift hits both alike.
 */
export function measure(
  bench: Bench,
  frames: readonly string[],
  options: MeasureOptions = {},
): Sample {
  const { rounds = 7, minRoundMs = 60 } = options
  const subject = bench.setup(frames)
  const baseline = bench.baseline.setup(frames)
  for (let i = 0; i < 3; i++) {
    pass(baseline, frames)
    pass(subject, frames)
  }
  const onePass = Math.max(1, timePasses(subject, frames, 1))
  const passes = Math.max(1, Math.ceil((minRoundMs * 1e6) / onePass))
  const subjectNs: number[] = []
  const baselineNs: number[] = []
  for (let r = 0; r < rounds; r++) {
    baselineNs.push(timePasses(baseline, frames, passes))
    subjectNs.push(timePasses(subject, frames, passes))
  }
  const count = frames.length * passes
  const nsPerFrame = median(subjectNs) / count
  const baselineNsPerFrame = median(baselineNs) / count
  void sink
  return {
    nsPerFrame,
    baselineNsPerFrame,
    ratio: baselineNsPerFrame / nsPerFrame,
    bytesPerFrame: allocatedBytes(subject, frames) / frames.length,
    baselineBytesPerFrame: allocatedBytes(baseline, frames) / frames.length,
  }
}
