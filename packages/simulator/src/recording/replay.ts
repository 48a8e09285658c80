import type { Scheduler } from '../exchange/time.js'
import { defaultScheduler } from '../exchange/time.js'
import type { RecordedFrame } from './format.js'

/** Options of {@link replayRecording}. */
export type ReplayOptions = {
  /** Receives each frame in order. */
  readonly onFrame: (record: RecordedFrame) => void
  /**
   * `original`: keep the recorded gaps between frames; `fast`: no waiting.
   * @default 'original'
   */
  readonly pace?: 'original' | 'fast'
  /**
   * Divides the recorded gaps (2 = twice as fast).
   * @default 1
   */
  readonly speed?: number
  /**
   * Timers for the original pace.
   * @default the global setTimeout / clearTimeout
   */
  readonly scheduler?: Scheduler
}

/** A running replay. */
export type Replay = {
  /** Resolves when every frame was delivered or the replay was stopped. */
  readonly done: Promise<void>
  /** Stops before the next frame. */
  stop(): void
}

/**
 * Plays recorded frames back, at their original pace or as fast as
 * possible. A throwing `onFrame` stops the replay and rejects `done`.
 *
 * @example
 * ```ts
 * const replay = replayRecording(parseRecording(text), { onFrame: (r) => ws.send(r.frame), pace: 'fast' })
 * await replay.done
 * ```
 */
export function replayRecording(
  records: readonly RecordedFrame[],
  options: ReplayOptions,
): Replay {
  const scheduler = options.scheduler ?? defaultScheduler
  const speed = options.speed ?? 1
  if (!(speed > 0)) throw new RangeError('speed must be a positive number')
  let stopped = false
  let handle: unknown
  let settle: () => void = () => {}
  let fail: (error: unknown) => void = () => {}
  const done = new Promise<void>((resolve, reject) => {
    settle = resolve
    fail = reject
  })

  function deliver(index: number): void {
    if (stopped) {
      settle()
      return
    }
    try {
      for (let i = index; i < records.length; i++) {
        const record = records[i]
        if (record === undefined) continue
        const previous = records[i - 1]
        const gap =
          options.pace === 'fast' || previous === undefined || i === index
            ? 0
            : Math.max(0, record.t - previous.t) / speed
        if (gap > 0) {
          handle = scheduler.setTimeout(() => deliver(i), gap)
          return
        }
        if (stopped) {
          settle()
          return
        }
        options.onFrame(record)
      }
      settle()
    } catch (error) {
      stopped = true
      fail(error)
    }
  }

  if (options.pace === 'fast') queueMicrotask(() => deliver(0))
  else handle = scheduler.setTimeout(() => deliver(0), 0)
  return {
    done,
    stop() {
      stopped = true
      if (handle !== undefined) scheduler.clearTimeout(handle)
      settle()
    },
  }
}
