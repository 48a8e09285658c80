import type { SystemStatus } from '../exchange/types.js'

/**
 * A fault to inject. Without `connection` it applies to every open
 * connection, and the lasting ones (`silence`, `delayAcks`, `rateLimit`,
 * `corruptChecksum`, `skipSequence`) also to connections opened later; with `connection`
 * (a `connection_id`) only to that one.
 */
export type Fault = (
  | /** Drops the socket abruptly (no close frame). */ { readonly type: 'drop' }
  | /** Stops sending anything (no heartbeats, pongs or data); `enabled: false` resumes. */ {
      readonly type: 'silence'
      /** @default true */
      readonly enabled?: boolean
    }
  | /** Sends a non-JSON text frame. */ {
      readonly type: 'garbage'
      /** @default 'CloudFlare WebSocket proxy restarting' */
      readonly text?: string
    }
  | /** Sends the first half of a frame. */ {
      readonly type: 'truncate'
      /** @default the last frame sent on the connection (or its status frame) */
      readonly frame?: string
    }
  | /** Falsifies the checksum of the next book messages. */ {
      readonly type: 'corruptChecksum'
      /** @default 1 */
      readonly count?: number
      /** Only messages of this symbol. @default any symbol */
      readonly symbol?: string
    }
  | /** Delays every answer to a request by `ms` (0 ends the delay). */ {
      readonly type: 'delayAcks'
      readonly ms: number
    }
  | /** Refuses the next `count` WebSocket upgrades with an HTTP error. */ {
      readonly type: 'refuseConnections'
      readonly count: number
      /** @default 503 */
      readonly status?: number
    }
  | /** Closes the socket with a close frame. */ {
      readonly type: 'close'
      /** @default 1001 */
      readonly code?: number
      /** @default '' */
      readonly reason?: string
    }
  | /** Switches the engine status and pushes a `status` update, as Kraken does. */ {
      readonly type: 'status'
      readonly system: SystemStatus
    }
  | /**
   * Makes the next `executions` or `balances` frame of a private
   * connection skip `count` `sequence` numbers, as if that many frames
   * were lost; later frames count on from the jump.
   */ {
      readonly type: 'skipSequence'
      /** @default 1 */
      readonly count?: number
    }
  | /** Answers the next `count` subscribe requests with `Exceeded msg rate`. */ {
      readonly type: 'rateLimit'
      /** @default 1 (0 ends it; Infinity until ended) */
      readonly count?: number
    }
) & {
  /** The `connection_id` of the one connection to affect. @default every connection */
  readonly connection?: string
  /** Applies the fault after this many ms. @default 0 (now) */
  readonly after?: number
}

/** The name of a fault. */
export type FaultType = Fault['type']

/** The text Cloudflare sends while its WebSocket proxy restarts (SPEC §7.1). */
export const CLOUDFLARE_RESTARTING = 'CloudFlare WebSocket proxy restarting'

/** A connection's lasting fault state. */
export type SessionFaults = {
  silent: boolean
  ackDelay: number
  rateLimit: number
  corrupt: { count: number; symbol: string | undefined }
  /** `sequence` numbers the next private channel frame skips. */
  skipSequence: number
}

/** A fresh (fault-free) state. */
export function noFaults(): SessionFaults {
  return {
    silent: false,
    ackDelay: 0,
    rateLimit: 0,
    corrupt: { count: 0, symbol: undefined },
    skipSequence: 0,
  }
}

/** Copies a state (new connections inherit the global one). */
export function copyFaults(faults: SessionFaults): SessionFaults {
  return { ...faults, corrupt: { ...faults.corrupt } }
}

/** Applies a lasting fault to a state; returns whether it was one. */
export function applyLastingFault(state: SessionFaults, fault: Fault): boolean {
  switch (fault.type) {
    case 'silence':
      state.silent = fault.enabled ?? true
      return true
    case 'delayAcks':
      state.ackDelay = Math.max(0, fault.ms)
      return true
    case 'rateLimit':
      state.rateLimit = Math.max(0, fault.count ?? 1)
      return true
    case 'corruptChecksum':
      state.corrupt = {
        count: Math.max(0, fault.count ?? 1),
        symbol: fault.symbol,
      }
      return true
    case 'skipSequence':
      state.skipSequence = Math.max(0, fault.count ?? 1)
      return true
    default:
      return false
  }
}

/** The `sequence` numbers to skip now (the `skipSequence` fault); consumes them. */
export function takeSequenceGap(state: SessionFaults): number {
  const gap = state.skipSequence
  state.skipSequence = 0
  return gap
}

const CHECKSUM_RE = /"checksum":(\d+)/

/**
 * Falsifies the checksum of a book frame when the state asks for it;
 * returns the frame to send.
 */
export function corruptBookFrame(state: SessionFaults, frame: string): string {
  if (state.corrupt.count === 0 || !frame.startsWith('{"channel":"book"'))
    return frame
  const symbol = state.corrupt.symbol
  if (
    symbol !== undefined &&
    !frame.includes(`"symbol":${JSON.stringify(symbol)}`)
  )
    return frame
  const match = CHECKSUM_RE.exec(frame)
  if (match === null) return frame
  state.corrupt.count--
  const wrong = (Number(match[1]) ^ 0x5a5a5a5a) >>> 0
  return frame.replace(CHECKSUM_RE, `"checksum":${wrong}`)
}
