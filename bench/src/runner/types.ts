/** Processes one frame; its result is kept so the work cannot be skipped. */
export type FrameFunction = (frame: string) => unknown

/** A measured function: a label and a setup that returns it. */
export type Subject = {
  readonly name: string
  /** Prepares state (outside the timing) and returns the per-frame function. */
  readonly setup: (frames: readonly string[]) => FrameFunction
}

/**
 * One benchmark: a subject and a baseline run over the same corpus in the
 * same process; the report gives their throughput ratio.
 */
export type Bench = Subject & {
  /** A corpus of `bench/corpora/<corpus>.jsonl`, one frame per line. */
  readonly corpus: string
  readonly baseline: Subject
}

/** What one child process measured for one bench. */
export type Sample = {
  readonly nsPerFrame: number
  readonly baselineNsPerFrame: number
  /** Subject throughput over baseline throughput (higher is faster). */
  readonly ratio: number
  readonly bytesPerFrame: number
  readonly baselineBytesPerFrame: number
}
