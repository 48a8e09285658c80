import {
  recordTransport,
  type TransportContext,
  type TransportEndpoint,
  type TransportFactory,
} from '@kraken-sockets/transport'
import type { TapeWriter } from '../write/tapeWriter.js'

/** A runtime `transport` option value: a transport factory per endpoint. */
export type TransportOption = (endpoint: TransportEndpoint) => TransportFactory

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
 * // The client's `record: writer` option does the same for its own transports.
 * // ... later: await kraken.stop(); await writer.close()
 * ```
 */
export function recordingTransport(
  inner: TransportOption,
  writer: TapeWriter,
): TransportOption {
  return (endpoint) => {
    const factory = inner(endpoint)
    return (context?: TransportContext) =>
      recordTransport(factory(context), writer)
  }
}
