import type { Timers } from '../server/timers.js'
import type { Session } from '../session/session.js'
import { type ReplayOptions, streamReplay } from './replay.js'
import { type ReplaySource, streamPacedReplay } from './replaySource.js'

/**
 * Starts the replay on a connection once (on connect or on its first
 * subscribe), at the pace the options ask for.
 */
export function createReplayStarter(
  source: ReplaySource,
  options: ReplayOptions,
  timers: Timers,
): (session: Session) => void {
  const started = new WeakSet<Session>()
  return (session) => {
    if (started.has(session)) return
    started.add(session)
    if (options.pace === 'original')
      session.onClose(streamPacedReplay(session, source, options, timers))
    else streamReplay(session, source.frames, options)
  }
}
