import type {
  ConnectionEvent,
  ConnectionReason,
} from '@kraken-sockets/transport'

/** Node's socket error codes, in the words a log reader knows. */
const PLAIN_CAUSES: ReadonlyArray<readonly [string, string]> = [
  ['ECONNREFUSED', 'connection refused'],
  ['ENOTFOUND', 'host not found'],
  ['EAI_AGAIN', 'host name lookup failed'],
  ['ETIMEDOUT', 'connection timed out'],
  ['ECONNRESET', 'connection reset'],
  ['EHOSTUNREACH', 'host unreachable'],
  ['ENETUNREACH', 'network unreachable'],
  ['CERT_', 'TLS certificate rejected'],
]

/**
 * What went wrong, in plain words: "connection refused" for ECONNREFUSED,
 * else the error's message (its details and causes are searched for a code).
 */
export function plainCause(error: unknown): string {
  let text = ''
  let current: unknown = error
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const details = (current as { details?: unknown }).details
    const code = (current as { code?: unknown }).code
    text += ` ${current.message} ${typeof details === 'string' ? details : ''} ${typeof code === 'string' ? code : ''}`
    current = current.cause
  }
  for (const [code, words] of PLAIN_CAUSES) {
    if (text.includes(code)) return words
  }
  return error instanceof Error ? error.message : String(error)
}

/** Why a socket went away, as a short phrase. */
export function describeReason(reason: ConnectionReason): string {
  switch (reason.kind) {
    case 'error':
    case 'fatal':
      return plainCause(reason.error)
    case 'server':
      return `the server closed it (code ${reason.code}${reason.reason === '' ? '' : `: ${reason.reason}`})`
    case 'stale':
      return `nothing arrived for ${seconds(reason.silentFor)} s`
    case 'client':
      return 'closed by the client'
    case 'requested':
      return 'replaced on request'
    case 'budget':
      return 'the connection budget is spent'
  }
}

/**
 * The default log's line for a socket that will retry: what failed and when
 * the next try is, e.g. "The public socket to ws://… failed (connection
 * refused); retrying in 1.2 s (attempt 2)."
 */
export function reconnectingLine(
  event: Extract<ConnectionEvent, { status: 'reconnecting' }>,
): string {
  return `The ${event.endpoint} socket to ${event.url} failed (${describeReason(event.reason)}); retrying in ${seconds(event.delay)} s (attempt ${event.attempt}).`
}

function seconds(ms: number): string {
  return (ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)
}
