import type { ConnectionEvent, Transport } from '../types.js'
import type { FrameRecorder, RecordedEvent } from './frameRecorder.js'

function closeReason(event: ConnectionEvent): string | undefined {
  if (event.status === 'closed') return event.reason.kind
  if (event.status === 'reconnecting')
    return event.reason.kind === 'server'
      ? `server ${event.reason.code} ${event.reason.reason}`.trim()
      : event.reason.kind
  return undefined
}

/**
 * Wraps one transport so that everything on its sockets is recorded: each
 * opening starts a connection, each frame received or sent is written, each
 * close or reconnect ends the connection. Listeners are added now, before
 * the client's own, so a frame is recorded before any handler sees it. A
 * recorder closed before the socket just ends the recording.
 *
 * @example
 * ```ts
 * const transport = recordTransport(fake()({ endpoint: 'public' }), recorder)
 * ```
 */
export function recordTransport(
  transport: Transport,
  recorder: FrameRecorder,
): Transport {
  let conn: number | undefined
  const write = (event: RecordedEvent) => {
    if (!recorder.closed) recorder.write(event)
  }
  transport.on('open', (event) => {
    if (conn !== undefined) write({ kind: 'close', conn, reason: 'reopened' })
    conn = recorder.closed ? undefined : recorder.nextConnection()
    if (conn !== undefined)
      write({
        kind: 'open',
        conn,
        endpoint: transport.endpoint,
        url: event.url,
      })
  })
  transport.on('message', (text) => {
    if (conn !== undefined) write({ kind: 'in', conn, text })
  })
  transport.on('status', (event) => {
    const reason = closeReason(event)
    if (reason === undefined || conn === undefined) return
    write({ kind: 'close', conn, reason })
    conn = undefined
  })
  return {
    name: `recording(${transport.name})`,
    endpoint: transport.endpoint,
    url: transport.url,
    requestIds: transport.requestIds,
    get status() {
      return transport.status
    },
    get latency() {
      return transport.latency
    },
    connect: () => transport.connect(),
    close: () => transport.close(),
    send(text) {
      transport.send(text)
      // Only a frame the socket took is recorded; the recorder redacts it.
      if (conn !== undefined) write({ kind: 'out', conn, text })
    },
    reconnect: () => transport.reconnect(),
    fail: (reason) => transport.fail(reason),
    setMinReconnectDelay: (ms) => transport.setMinReconnectDelay(ms),
    on: (event, listener) => transport.on(event, listener),
  }
}
