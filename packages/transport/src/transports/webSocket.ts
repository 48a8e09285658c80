import { createConnectionBudget } from '../budget.js'
import type { SocketTransportConfig } from '../config.js'
import { WebSocketUnavailableError } from '../errors.js'
import { resolveConfig } from '../internal/resolveConfig.js'
import { createSocketTransport } from '../internal/socketTransport.js'
import type {
  Transport,
  TransportFactory,
  WebSocketConstructor,
} from '../types.js'

/** Options of {@link webSocket}. */
export type WebSocketTransportConfig = SocketTransportConfig & {
  /**
   * WebSocket class to use, e.g. a ponyfill.
   * @default globalThis.WebSocket (browsers, Deno, Bun, Node >= 22)
   */
  WebSocket?: WebSocketConstructor | undefined
}

/**
 * A transport on the WHATWG `WebSocket`: browsers, Node >= 22 and other
 * runtimes with a global `WebSocket`, or any injected class. On Node 20 use
 * `nodeWebSocket()`.
 *
 * @throws {WebSocketUnavailableError} when the factory is called and no
 * WebSocket class exists. Also `InvalidUrlError`, `InvalidConfigError`.
 * @example
 * ```ts
 * import { webSocket } from '@kraken-sockets/transport'
 * const transport = webSocket()({ endpoint: 'public' })
 * transport.on('message', (text) => console.log(text))
 * await transport.connect()
 * transport.send('{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]}}')
 * ```
 */
export function webSocket(
  config: WebSocketTransportConfig = {},
): TransportFactory {
  const fallbackBudget = createConnectionBudget()
  return (context = {}): Transport => {
    const resolved = resolveConfig(config, context, fallbackBudget)
    const WebSocketClass: unknown = config.WebSocket ?? globalThis.WebSocket
    if (typeof WebSocketClass !== 'function')
      throw new WebSocketUnavailableError({
        details:
          'globalThis.WebSocket is missing (Node < 22). Use nodeWebSocket(), or pass WebSocket: (await import("ws")).WebSocket.',
      })
    const loaded = Promise.resolve(WebSocketClass as WebSocketConstructor)
    return createSocketTransport(
      {
        name: 'webSocket',
        load: () => loaded,
        // WHATWG sockets have no terminate(); close() also aborts a handshake.
        kill: (socket) => socket.close(1000),
      },
      resolved,
    )
  }
}
