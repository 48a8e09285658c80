import type {
  ConnectionBudget,
  ConnectionEvent,
  Latency,
  OpenEvent,
  TransportEndpoint,
  TransportError,
  TransportFactory,
} from '@kraken-sockets/transport'
import { Connection, type TokenSource } from './connection.js'

/** What the pool reports to the runtime. */
export interface ConnectionPoolHooks {
  /** A frame arrived (raw text). The hot path: keep it lean. */
  onMessage(connection: Connection, text: string): void
  /** A socket (re)opened: replay subscriptions on it. */
  onOpen(connection: Connection, event: OpenEvent): void
  /** Lifecycle of a socket (the runtime's `connection` event). */
  onStatus(connection: Connection, event: ConnectionEvent): void
  /** A transport error (the runtime's `error` event). */
  onError(connection: Connection, error: TransportError): void
  /** A pong to the transport's own ping: round trip and clock offset. */
  onPong?(connection: Connection, latency: Latency): void
}

/** Options of {@link createConnectionPool}. */
export interface ConnectionPoolConfig {
  readonly urls: Readonly<Record<TransportEndpoint, string>>
  readonly transport: (endpoint: TransportEndpoint) => TransportFactory
  readonly budget: ConnectionBudget
  readonly staleAfter: number | undefined
  readonly getToken: TokenSource | undefined
  readonly onToken: (token: string) => void
  readonly hooks: ConnectionPoolHooks
}

/** The client's sockets, one per endpoint, opened when first needed. */
export interface ConnectionPool {
  /** The endpoint's connection, created (not yet connected) if needed. */
  get(endpoint: TransportEndpoint): Connection
  /** The endpoint's connection if one exists. */
  peek(endpoint: TransportEndpoint): Connection | undefined
  /** Every connection created so far. */
  all(): Connection[]
  /** Raises (or lowers) every socket's minimum reconnect delay, now and later. */
  setMinReconnectDelay(ms: number): void
  /** Aborts token fetches in flight, closes every socket and forgets them. */
  closeAll(): Promise<void>
}

/**
 * Creates the connection pool. Each transport gets the client's shared
 * budget and the endpoint's URL; its events go to `hooks`.
 */
export function createConnectionPool(
  config: ConnectionPoolConfig,
): ConnectionPool {
  const connections = new Map<TransportEndpoint, Connection>()
  const removers: (() => void)[] = []
  let minReconnectDelay = 0

  const create = (endpoint: TransportEndpoint): Connection => {
    const transport = config.transport(endpoint)({
      endpoint,
      url: config.urls[endpoint],
      budget: config.budget,
      staleAfter: config.staleAfter,
    })
    if (minReconnectDelay > 0) transport.setMinReconnectDelay(minReconnectDelay)
    const connection = new Connection({
      endpoint,
      transport,
      getToken: config.getToken,
      onToken: config.onToken,
    })
    const { hooks } = config
    removers.push(
      transport.on('message', (text) => hooks.onMessage(connection, text)),
      transport.on('open', (event) => {
        connection.generation = event.connection
        hooks.onOpen(connection, event)
      }),
      transport.on('status', (event) => hooks.onStatus(connection, event)),
      transport.on('error', (error) => hooks.onError(connection, error)),
      transport.on('pong', (latency) => hooks.onPong?.(connection, latency)),
    )
    return connection
  }

  return {
    get(endpoint) {
      let connection = connections.get(endpoint)
      if (connection === undefined) {
        connection = create(endpoint)
        connections.set(endpoint, connection)
      }
      return connection
    },
    peek(endpoint) {
      return connections.get(endpoint)
    },
    all() {
      return [...connections.values()]
    },
    setMinReconnectDelay(ms) {
      minReconnectDelay = ms
      for (const connection of connections.values()) {
        connection.transport.setMinReconnectDelay(ms)
      }
    },
    async closeAll() {
      const closing = [...connections.values()]
      connections.clear()
      for (const connection of closing) connection.abortTokenFetches()
      await Promise.all(
        closing.map((connection) =>
          connection.transport.close().catch(() => {}),
        ),
      )
      // Listeners go last: the final `closed` status still reaches the runtime.
      for (const remove of removers.splice(0)) remove()
    },
  }
}
