import type { RequestIdAllocator } from '../requestIds.js'
import type { Latency } from '../types.js'
import { sniffFrame } from './sniffFrame.js'
import { parseTimestamp } from './timestamps.js'

/** What the liveness monitor needs from its socket. */
export type LivenessOptions = {
  /** Silence (ms) after which the socket is declared stale. */
  staleAfter: number
  /** Period (ms) of the application-level ping; below `staleAfter`. */
  pingInterval: number
  ids: RequestIdAllocator
  send(text: string): void
  onStale(silentFor: number): void
  onPong(latency: Latency): void
}

/** A running watchdog and pinger for one open socket. */
export type Liveness = {
  /** Records a received frame; returns true when it answered our ping. */
  receive(text: string): boolean
  stop(): void
}

/**
 * Starts the watchdog (reset by any frame) and the periodic `ping`. The ping
 * keeps quiet sockets alive (Kraken closes idle ones after about a minute) and
 * makes a half-open connection fall silent, so the watchdog catches it.
 * Rather than re-arming a timer per frame, a frame only stamps the time and
 * the single timer re-arms itself for the remaining silence when it fires.
 */
export function startLiveness(options: LivenessOptions): Liveness {
  const { staleAfter, pingInterval, ids } = options
  const pings = new Map<number, number>()
  let lastFrameAt = Date.now()
  let stopped = false

  const check = () => {
    const silentFor = Date.now() - lastFrameAt
    if (silentFor >= staleAfter) {
      stop()
      options.onStale(silentFor)
    } else watchdog = setTimeout(check, staleAfter - silentFor)
  }
  let watchdog: ReturnType<typeof setTimeout> | undefined = setTimeout(
    check,
    staleAfter,
  )

  const ping = () => {
    const now = Date.now()
    for (const [id, sentAt] of pings)
      if (now - sentAt >= staleAfter) {
        pings.delete(id)
        ids.release(id)
      }
    const id = ids.next()
    pings.set(id, now)
    try {
      options.send(`{"method":"ping","req_id":${id}}`)
    } catch {
      // The socket is closing; its close event drives what happens next.
      pings.delete(id)
      ids.release(id)
    }
  }
  const pinger = setInterval(ping, pingInterval)

  function stop() {
    if (stopped) return
    stopped = true
    clearTimeout(watchdog)
    watchdog = undefined
    clearInterval(pinger)
    for (const id of pings.keys()) ids.release(id)
    pings.clear()
  }

  return {
    receive(text) {
      const receivedAt = Date.now()
      lastFrameAt = receivedAt
      if (pings.size === 0 || text.length > 512 || !text.includes('"pong"'))
        return false
      const latency = readPong(text, pings, receivedAt)
      if (latency === undefined) return false
      pings.delete(latency.reqId)
      ids.release(latency.reqId)
      options.onPong(latency)
      return true
    },
    stop,
  }
}

function readPong(
  text: string,
  pings: ReadonlyMap<number, number>,
  receivedAt: number,
): Latency | undefined {
  const frame = sniffFrame(text)
  if (frame === undefined) return undefined
  const { method, req_id, time_in, time_out } = frame
  if (method !== 'pong' || typeof req_id !== 'number') return undefined
  const sentAt = pings.get(req_id)
  if (sentAt === undefined) return undefined
  const serverIn = typeof time_in === 'string' ? parseTimestamp(time_in) : NaN
  const serverOut =
    typeof time_out === 'string' ? parseTimestamp(time_out) : NaN
  // The server stamped the middle of the round trip; compare midpoints.
  const clockOffset =
    serverIn === undefined ||
    serverOut === undefined ||
    Number.isNaN(serverIn) ||
    Number.isNaN(serverOut)
      ? undefined
      : (serverIn + serverOut) / 2 - (sentAt + receivedAt) / 2
  return { reqId: req_id, rtt: receivedAt - sentAt, clockOffset, receivedAt }
}
