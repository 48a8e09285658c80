import type {
  ConnectionEvent,
  Transport,
  TransportContext,
  TransportEndpoint,
  TransportFactory,
} from '@kraken-sockets/transport'
import type { TapeWriteEvent } from '../format/events.js'
import type { TapeWriter } from '../write/tapeWriter.js'

/** A runtime `transport` option value: a transport factory per endpoint. */
export type TransportOption = (endpoint: TransportEndpoint) => TransportFactory

function closeReason(event: ConnectionEvent): string | undefined {
  if (event.status === 'closed') return event.reason.kind
  if (event.status === 'reconnecting')
    return event.reason.kind === 'server'
      ? `server ${event.reason.code} ${event.reason.reason}`.trim()
      : event.reason.kind
  return undefined
}

function record(transport: Transport, writer: TapeWriter): Transport {
  let conn: number | undefined
  const write = (event: TapeWriteEvent) => {
    // A tape closed before its client stops just ends the recording.
    if (!writer.closed) writer.write(event)
  }
  // Registered before the client's own listeners, so each frame is on tape
  // before any handler sees it.
  transport.on('open', (event) => {
    if (conn !== undefined) write({ kind: 'close', conn, reason: 'reopened' })
    conn = writer.nextConnection()
    write({ kind: 'open', conn, endpoint: transport.endpoint, url: event.url })
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
      // The writer redacts tokens from the parsed frame.
      if (conn !== undefined) write({ kind: 'out', conn, text })
    },
    reconnect: () => transport.reconnect(),
    fail: (reason) => transport.fail(reason),
    setMinReconnectDelay: (ms) => transport.setMinReconnectDelay(ms),
    on: (event, listener) => transport.on(event, listener),
  }
}

/**
 * Wraps a client's transports so that every socket is taped: each opening
 * starts a connection, each frame received or sent (tokens redacted) is
 * written, each close or reconnect ends the connection. The socket is never
 * slowed: the writer queues (see its `highWaterMark`). Close the writer
 * after stopping the client.
 *
 * @example
 * ```ts
 * import { nodeWebSocket } from '@kraken-sockets/transport'
 * import { createTapeWriter, recordingTransport } from '@kraken-sockets/tape'
 *
 * const writer = createTapeWriter({ dir: 'bug-report.tape' })
 * const kraken = new KrakenWebSocketAPI({
 *   transport: recordingTransport(() => nodeWebSocket({ WebSocket }), writer),
 * })
 * // ... later: await kraken.stop(); await writer.close()
 * ```
 */
export function recordingTransport(
  inner: TransportOption,
  writer: TapeWriter,
): TransportOption {
  return (endpoint) => {
    const factory = inner(endpoint)
    return (context?: TransportContext) => record(factory(context), writer)
  }
}
