import { statSync } from 'node:fs'
import { readTape } from '@kraken-sockets/tape'
import type { ReplayOptions } from './replay.js'
import { isData, type ReplaySource } from './replaySource.js'

/** Whether `file` is a tape (a `@kraken-sockets/tape` folder or a gzip tardis.dev file). */
export function isTapePath(file: string): boolean {
  try {
    return statSync(file).isDirectory() || file.endsWith('.gz')
  } catch {
    return false
  }
}

/**
 * Reads what the `replay` option serves from a tape: the frames one taped
 * connection received (the first of `connection`, an endpoint kind or a
 * connection number; else the first), with their monotonic times for
 * `pace: 'original'`. The frames are held in memory, as every replay
 * source is; for a long tape, serve it as a market instead
 * (`market: { tape }`), or replay it into a client with `replayTransport`.
 *
 * @throws {TypeError} when the tape holds no such connection.
 */
export async function tapeReplaySource(
  file: string,
  options: Pick<ReplayOptions, 'connection' | 'include'>,
): Promise<ReplaySource> {
  const wanted = options.connection
  let chosen: number | undefined
  const frames: string[] = []
  const times: number[] = []
  for await (const event of readTape(file)) {
    if (event.kind === 'open') {
      if (
        chosen === undefined &&
        (wanted === undefined ||
          wanted === event.endpoint ||
          wanted === String(event.conn))
      )
        chosen = event.conn
      continue
    }
    if (event.kind !== 'in' || event.conn !== chosen) continue
    if (options.include !== 'all' && !isData(event.text)) continue
    frames.push(event.text)
    times.push(event.mono / 1000)
  }
  if (chosen === undefined)
    throw new TypeError(
      wanted === undefined
        ? `the tape ${file} holds no connection`
        : `the tape ${file} has no connection ${JSON.stringify(wanted)}`,
    )
  return { frames, times }
}
