import type { RecordedFrame } from '@kraken-sockets/simulator'

/** How a corpus is laid out in time for a replay at original pace. */
export type PacedRecordingOptions = {
  /** Frames per second the recorded timestamps describe. */
  readonly rate: number
  /**
   * Frames that share one timestamp: the simulator's original pace waits
   * one timer per distinct timestamp, and Node's timers fire at best once
   * per millisecond, so `rate / 1000` frames per tick keeps 10 000/s within
   * reach. `1` spaces every frame `1000 / rate` ms apart.
   */
  readonly perTick: number
  /** How many frames the recording holds (the corpus over and over). */
  readonly count: number
}

/**
 * Builds in memory a recording of `frames` as one public connection sent
 * them, timestamped `perTick` frames every `perTick * 1000 / rate` ms, for
 * the simulator's `replay: { records, pace: 'original' }`.
 */
export function pacedRecording(
  frames: readonly string[],
  options: PacedRecordingOptions,
): RecordedFrame[] {
  const { rate, perTick, count } = options
  const tick = (perTick * 1000) / rate
  const records: RecordedFrame[] = []
  for (let index = 0; index < count; index++)
    records.push({
      t: Math.floor(index / perTick) * tick,
      dir: 'out',
      conn: 'public:1',
      frame: frames[index % frames.length] ?? '',
    })
  return records
}
