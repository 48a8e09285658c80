import { statusFrame } from '../channels/status.js'
import type { SimulatorContext } from '../context.js'
import type { Session } from '../session/session.js'
import {
  applyLastingFault,
  CLOUDFLARE_RESTARTING,
  type Fault,
  isCounted,
  mutedKey,
} from './types.js'

/** Pending refusals of WebSocket upgrades. */
export type Refusals = { count: number; status: number }

/** What {@link applyFault} works on. */
export type FaultTargets = {
  readonly context: SimulatorContext
  readonly sessions: ReadonlyMap<string, Session>
  readonly refusals: Refusals
}

/** Applies a fault now and records it in the stats. */
export function applyFault(fault: Fault, targets: FaultTargets): void {
  const { context, sessions, refusals } = targets
  const reached: Session[] =
    fault.connection === undefined
      ? [...sessions.values()]
      : [sessions.get(fault.connection)].filter(
          (s): s is Session => s !== undefined,
        )
  context.stats.recordFault({
    fault,
    at: context.now(),
    connections: reached.map((session) => session.id),
  })
  if (fault.connection === undefined)
    applyLastingFault(context.globalFaults, fault)
  switch (fault.type) {
    case 'refuseConnections':
      refusals.count = Math.max(0, fault.count)
      refusals.status = fault.status ?? 503
      return
    case 'status':
      if (fault.connection === undefined) context.system = fault.system
      for (const session of reached)
        session.send(
          statusFrame(fault.system, session.id, context.compatibility),
        )
      return
  }
  // A simulator-wide count is shared (in `globalFaults`), never copied.
  if (fault.connection === undefined && isCounted(fault)) return
  for (const session of reached) {
    if (applyLastingFault(session.faults, fault)) continue
    switch (fault.type) {
      case 'muteChannel': {
        const key = mutedKey(fault.channel, fault.symbol)
        if (fault.enabled === false) session.faults.muted.delete(key)
        else session.faults.muted.add(key)
        break
      }
      case 'drop':
        session.terminate()
        break
      case 'close':
        session.close(fault.code ?? 1001, fault.reason ?? '')
        break
      case 'garbage':
        if (!session.faults.silent)
          session.sendRaw(fault.text ?? CLOUDFLARE_RESTARTING)
        break
      case 'truncate': {
        const whole = fault.frame ?? session.lastFrame
        if (!session.faults.silent)
          session.sendRaw(
            whole.slice(0, Math.max(1, Math.floor(whole.length / 2))),
          )
        break
      }
    }
  }
}
