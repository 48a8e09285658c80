import type { ReplayOptions } from './replay.js'
import { loadReplaySource, type ReplaySource } from './replaySource.js'
import { isTapePath, tapeReplaySource } from './tapeReplaySource.js'

/**
 * Reads what the `replay` option serves: a tape (streamed from disk), or
 * frames, a recording or a parsed recording (see {@link loadReplaySource}).
 */
export async function loadAnyReplaySource(
  options: ReplayOptions,
): Promise<ReplaySource> {
  const { file } = options
  const tape =
    file !== undefined &&
    options.records === undefined &&
    options.frames === undefined &&
    (options.format === 'tape' ||
      (options.format === undefined && isTapePath(file)))
  return tape ? tapeReplaySource(file, options) : loadReplaySource(options)
}
