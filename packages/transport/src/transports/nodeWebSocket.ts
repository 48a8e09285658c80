import { createConnectionBudget } from '../budget.js'
import type { SocketTransportConfig } from '../config.js'
import { WebSocketUnavailableError } from '../errors.js'
import { resolveConfig } from '../internal/resolveConfig.js'
import { createSocketTransport } from '../internal/socketTransport.js'
import type {
  Transport,
  TransportFactory,
  WebSocketConstructor,
  WebSocketLike,
} from '../types.js'

/** Options of {@link nodeWebSocket}. */
export type NodeWebSocketTransportConfig = SocketTransportConfig & {
  /**
   * The `ws` package's `WebSocket` class, if you import it yourself.
   * @default loaded with a dynamic `import('ws')` on first connect
   */
  WebSocket?: WebSocketConstructor | undefined
}

let loadingWs: Promise<WebSocketConstructor> | undefined

async function importWs(): Promise<WebSocketConstructor> {
  // A computed specifier keeps bundlers from pulling `ws` into browser builds
  // and keeps its Node typings out of this DOM-only package.
  const specifier = 'ws'
  let module: unknown
  try {
    module = await import(
      /* @vite-ignore */ /* webpackIgnore: true */ specifier
    )
  } catch (cause) {
    throw new WebSocketUnavailableError({
      details:
        'The optional peer dependency "ws" is not installed: run `npm install ws`, or pass WebSocket.',
      cause,
    })
  }
  const exports = module as { WebSocket?: unknown; default?: unknown }
  const WebSocketClass = exports.WebSocket ?? exports.default
  if (typeof WebSocketClass !== 'function')
    throw new WebSocketUnavailableError({
      details: 'The "ws" module exports no WebSocket class.',
    })
  return WebSocketClass as WebSocketConstructor
}

function terminate(socket: WebSocketLike): void {
  const { terminate } = socket as { terminate?: unknown }
  // terminate() drops the TCP connection at once: a half-open peer would
  // never answer a closing handshake.
  if (typeof terminate === 'function') terminate.call(socket)
  else socket.close(1000)
}

/**
 * A transport on the `ws` package for Node (an optional peer dependency,
 * loaded only when this transport first connects).
 *
 * @throws {InvalidUrlError | InvalidConfigError} when the factory is called;
 * a missing `ws` closes the transport with `WebSocketUnavailableError`.
 * @example
 * ```ts
 * import { nodeWebSocket } from '@kraken-sockets/transport'
 * const transport = nodeWebSocket()({ endpoint: 'public' })
 * transport.on('message', (text) => console.log(text))
 * transport.on('status', (event) => console.log(event.status))
 * await transport.connect()
 * transport.send('{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]}}')
 * ```
 */
export function nodeWebSocket(
  config: NodeWebSocketTransportConfig = {},
): TransportFactory {
  const fallbackBudget = createConnectionBudget()
  const { WebSocket } = config
  const load =
    WebSocket === undefined
      ? () => {
          loadingWs ??= importWs()
          return loadingWs
        }
      : () => Promise.resolve(WebSocket)
  return (context = {}): Transport =>
    createSocketTransport(
      { name: 'nodeWebSocket', load, kill: terminate },
      resolveConfig(config, context, fallbackBudget),
    )
}
