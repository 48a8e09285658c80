import type { SystemStatus } from '../exchange/types.js'

/**
 * A fault to inject, simulator-wide or on one connection (`connection`, a
 * `connection_id`).
 *
 * - Switches (`silence`, `delayAcks`) injected simulator-wide apply to every
 *   open connection and to connections opened later; on one connection, to
 *   that one only (until it closes).
 * - Counted faults (`rateLimit`, `corruptChecksum`, `skipSequence`,
 *   `dropAnswers`) injected simulator-wide draw from one shared count, used
 *   by whichever connection comes first (`count: 2` means two in all, not two
 *   per connection, so reconnecting does not meet them again); on one
 *   connection, from that connection's own count, which it uses first.
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
  | /** Delays requests or their answers by `ms` (0 ends the delay). */ {
      readonly type: 'delayAcks'
      readonly ms: number
      /**
       * `'both'`: the request waits `ms` before the exchange processes it,
       * then is answered. `'answer'`: the exchange processes it at once (an
       * order rests and its `executions` frames flow), and only the frames
       * answering it (acks, errors, pongs) are held back `ms`, as when an
       * ack is slow on the network.
       * @default 'both'
       */
      readonly hold?: 'both' | 'answer'
      /** Only requests of this method. @default every method */
      readonly method?: string
    }
  | /**
   * Processes the next `count` requests (of `method`) but never sends their
   * answers, as if the acks were lost: the exchange state changes (orders
   * rest, subscriptions stream), the client hears nothing back.
   */ {
      readonly type: 'dropAnswers'
      /** @default 1 */
      readonly count?: number
      /** Only requests of this method. @default every method */
      readonly method?: string
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
  | /**
   * Stops one subscription's data (`channel`, and `symbol` if given) while
   * the socket, its heartbeats and its other channels go on, as when one
   * stream stalls upstream. It lasts until `enabled: false`, or until that
   * subscription is removed (an unsubscribe, the socket's end): a fresh
   * subscription streams again. Applies to the open connections only.
   */ {
      readonly type: 'muteChannel'
      readonly channel: string
      /** @default every symbol of the channel */
      readonly symbol?: string
      /** @default true */
      readonly enabled?: boolean
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

/** Faults drawn by count: a connection's own, or the simulator-wide pool. */
export type FaultCounts = {
  rateLimit: number
  corrupt: { count: number; symbol: string | undefined }
  /** `sequence` numbers the next private channel frame skips. */
  skipSequence: number
  dropAnswers: { count: number; method: string | undefined }
}

/**
 * A connection's fault state: its switches, its own counts, and the
 * simulator-wide pool of counts it shares with every connection.
 */
export type SessionFaults = FaultCounts & {
  silent: boolean
  /** Muted streams (`muteChannel`): `channel`, or `channel:symbol`. */
  readonly muted: Set<string>
  /** Ms requests (or their answers, see `ackHold`) wait; 0: none. */
  ackDelay: number
  ackHold: 'both' | 'answer'
  /** The only method `ackDelay` applies to, if any. */
  ackMethod: string | undefined
  /** The simulator-wide counts (`undefined` in the simulator-wide state itself). */
  readonly shared: FaultCounts | undefined
}

function noCounts(): FaultCounts {
  return {
    rateLimit: 0,
    corrupt: { count: 0, symbol: undefined },
    skipSequence: 0,
    dropAnswers: { count: 0, method: undefined },
  }
}

/** A fresh (fault-free) state, sharing counts with `shared` if given. */
export function noFaults(shared?: FaultCounts): SessionFaults {
  return {
    ...noCounts(),
    silent: false,
    muted: new Set(),
    ackDelay: 0,
    ackHold: 'both',
    ackMethod: undefined,
    shared,
  }
}

/**
 * The state of a new connection: the simulator-wide switches, no counts of
 * its own, and the simulator-wide counts shared (never copied, so a count
 * is used once in all, not once per connection).
 */
export function copyFaults(global: SessionFaults): SessionFaults {
  return {
    ...noFaults(global),
    silent: global.silent,
    ackDelay: global.ackDelay,
    ackHold: global.ackHold,
    ackMethod: global.ackMethod,
  }
}

/** Whether a fault is drawn by count (see {@link Fault}). */
export function isCounted(fault: Fault): boolean {
  return (
    fault.type === 'rateLimit' ||
    fault.type === 'corruptChecksum' ||
    fault.type === 'skipSequence' ||
    fault.type === 'dropAnswers'
  )
}

/** Applies a lasting fault to a state; returns whether it was one. */
export function applyLastingFault(state: SessionFaults, fault: Fault): boolean {
  switch (fault.type) {
    case 'silence':
      state.silent = fault.enabled ?? true
      return true
    case 'delayAcks':
      state.ackDelay = Math.max(0, fault.ms)
      state.ackHold = fault.hold ?? 'both'
      state.ackMethod = fault.method
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
    case 'dropAnswers':
      state.dropAnswers = {
        count: Math.max(0, fault.count ?? 1),
        method: fault.method,
      }
      return true
    default:
      return false
  }
}

/** The connection's own counts first, then the simulator-wide ones. */
function countsOf(state: SessionFaults): FaultCounts[] {
  return state.shared === undefined ? [state] : [state, state.shared]
}

/** Whether this subscribe is refused with `Exceeded msg rate`; uses one. */
export function takeRateLimit(state: SessionFaults): boolean {
  for (const counts of countsOf(state))
    if (counts.rateLimit > 0) {
      counts.rateLimit--
      return true
    }
  return false
}

/** Whether the answers to this request are lost (`dropAnswers`); uses one. */
export function takeDroppedAnswer(
  state: SessionFaults,
  method: string,
): boolean {
  for (const { dropAnswers } of countsOf(state))
    if (
      dropAnswers.count > 0 &&
      (dropAnswers.method === undefined || dropAnswers.method === method)
    ) {
      dropAnswers.count--
      return true
    }
  return false
}

/** Ms the request of `method` (or its answer) waits, and which. */
export function ackDelayOf(
  state: SessionFaults,
  method: string,
): { readonly ms: number; readonly hold: 'both' | 'answer' } {
  const applies =
    state.ackDelay > 0 &&
    (state.ackMethod === undefined || state.ackMethod === method)
  return { ms: applies ? state.ackDelay : 0, hold: state.ackHold }
}

/** The `sequence` numbers to skip now (the `skipSequence` fault); consumes them. */
export function takeSequenceGap(state: SessionFaults): number {
  let gap = 0
  for (const counts of countsOf(state)) {
    gap += counts.skipSequence
    counts.skipSequence = 0
  }
  return gap
}

/** The `muted` key of a `muteChannel` fault. */
export function mutedKey(channel: string, symbol: string | undefined): string {
  return symbol === undefined ? channel : `${channel}:${symbol}`
}

const CHANNEL_RE = /^\{"channel":"([^"]+)"/
const SYMBOL_RE = /"symbol":"([^"]+)"/

/** Whether a channel frame belongs to a muted stream (`muteChannel`). */
export function isMuted(state: SessionFaults, frame: string): boolean {
  if (state.muted.size === 0) return false
  const channel = CHANNEL_RE.exec(frame)?.[1]
  if (channel === undefined) return false
  if (state.muted.has(channel)) return true
  const symbol = SYMBOL_RE.exec(frame)?.[1]
  return symbol !== undefined && state.muted.has(mutedKey(channel, symbol))
}

const CHECKSUM_RE = /"checksum":(\d+)/

/**
 * Falsifies the checksum of a book frame when the state asks for it (its
 * own count first, then the simulator-wide one); returns the frame to send.
 */
export function corruptBookFrame(state: SessionFaults, frame: string): string {
  if (!frame.startsWith('{"channel":"book"')) return frame
  for (const counts of countsOf(state)) {
    const { count, symbol } = counts.corrupt
    if (count === 0) continue
    if (
      symbol !== undefined &&
      !frame.includes(`"symbol":${JSON.stringify(symbol)}`)
    )
      continue
    const match = CHECKSUM_RE.exec(frame)
    if (match === null) return frame
    counts.corrupt.count--
    const wrong = (Number(match[1]) ^ 0x5a5a5a5a) >>> 0
    return frame.replace(CHECKSUM_RE, `"checksum":${wrong}`)
  }
  return frame
}
