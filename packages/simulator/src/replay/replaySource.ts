import { readFileSync } from 'node:fs'
import { parseRecording, type RecordedFrame } from '../recording/format.js'
import type { Timers } from '../server/timers.js'
import type { ReplayOptions, ReplayTarget } from './replay.js'

/** The frames a replay serves, with their recorded times when known. */
export type ReplaySource = {
  readonly frames: readonly string[]
  /** Recorded times (ms), one per frame; `undefined` for plain frames. */
  readonly times: readonly number[] | undefined
}

const ENDPOINT_KINDS = new Set(['public', 'private', 'level3'])

function looksRecorded(line: string): boolean {
  try {
    parseRecording(line)
    return true
  } catch {
    return false
  }
}

/** Whether a recorded frame is channel data (not status, heartbeat or a method response). */
export function isData(frame: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(frame)
  } catch {
    // Non-JSON frames (a Cloudflare restart notice) are data as sent.
    return true
  }
  if (typeof value !== 'object' || value === null) return true
  const channel = (value as { channel?: unknown }).channel
  return (
    typeof channel === 'string' &&
    channel !== 'status' &&
    channel !== 'heartbeat'
  )
}

/** Picks one connection's frames sent by the recorded server. */
export function recordingSource(
  records: readonly RecordedFrame[],
  options: Pick<ReplayOptions, 'connection' | 'include'> = {},
): ReplaySource {
  const wanted = options.connection
  const conns = [...new Set(records.map((r) => r.conn ?? ''))]
  const conn =
    wanted === undefined
      ? conns[0]
      : ENDPOINT_KINDS.has(wanted)
        ? conns.find((c) => c.startsWith(`${wanted}:`))
        : conns.find((c) => c === wanted)
  if (conn === undefined)
    throw new TypeError(
      wanted === undefined
        ? 'the recording is empty'
        : `the recording has no connection ${JSON.stringify(wanted)}`,
    )
  const served = records.filter(
    (r) =>
      (r.conn ?? '') === conn &&
      r.dir === 'out' &&
      r.encoding === undefined &&
      (options.include === 'all' || isData(r.frame)),
  )
  return {
    frames: served.map((r) => r.frame),
    times: served.map((r) => r.t),
  }
}

/** Reads what the `replay` option serves (a file is read once, at start). */
export function loadReplaySource(options: ReplayOptions): ReplaySource {
  let source: ReplaySource
  if (options.records !== undefined)
    source = recordingSource(options.records, options)
  else if (options.frames !== undefined)
    source = { frames: options.frames, times: undefined }
  else if (options.file !== undefined) {
    const text = readFileSync(options.file, 'utf8')
    const first = text.split('\n').find((line) => line.trim() !== '') ?? ''
    const format =
      options.format ?? (looksRecorded(first) ? 'recording' : 'frames')
    source =
      format === 'recording'
        ? recordingSource(parseRecording(text), options)
        : {
            frames: text.split('\n').filter((line) => line.trim() !== ''),
            times: undefined,
          }
  } else throw new TypeError('replay needs `frames`, `file` or `records`')
  if (options.pace === 'original' && source.times === undefined)
    throw new TypeError("replay pace 'original' needs a recording")
  return source
}

/**
 * Streams a recording to one connection with its recorded gaps (each
 * repeat starts again at once). Returns a function that stops it.
 */
export function streamPacedReplay(
  session: ReplayTarget,
  source: ReplaySource,
  options: ReplayOptions,
  timers: Timers,
): () => void {
  const { frames } = source
  const times = source.times ?? []
  const total = frames.length * Math.max(0, options.repeat ?? 1)
  let index = 0
  let cancel: (() => void) | undefined
  const finish = () => {
    if (options.onEnd === 'close') session.close(1000, 'replay finished')
  }
  const pump = () => {
    cancel = undefined
    while (index < total && session.isOpen) {
      const frame = frames[index % frames.length] ?? ''
      index++
      session.write(frame, index === total ? finish : () => {})
      const at = index % frames.length
      const gap =
        index === total || at === 0
          ? 0
          : Math.max(0, (times[at] ?? 0) - (times[at - 1] ?? 0))
      if (gap > 0) {
        cancel = timers.timeout(pump, gap)
        return
      }
    }
  }
  if (total === 0) finish()
  else pump()
  return () => cancel?.()
}
