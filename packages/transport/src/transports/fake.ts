import {
  FatalTransportError,
  TransportClosedError,
  TransportNotOpenError,
} from '../errors.js'
import { createEmitter } from '../internal/emitter.js'
import { nonNegative } from '../internal/resolveConfig.js'
import { createRequestIdAllocator } from '../requestIds.js'
import type {
  ConnectionEvent,
  ConnectionReason,
  Latency,
  Transport,
  TransportContext,
  TransportEndpoint,
  TransportFactory,
  TransportStatus,
} from '../types.js'

/** Options of {@link fake}. */
export type FakeTransportConfig = {
  /** @default the client's endpoint, else 'public' */
  endpoint?: TransportEndpoint | undefined
  /** @default 'wss://fake.invalid/v2' */
  url?: string | undefined
  /** Answer each `ping` sent with a `pong` (on a microtask). @default true */
  autoPong?: boolean | undefined
}

/** A transport with no network, driven by the test. */
export type FakeTransport = Transport & {
  /** Every frame sent, in order, as text. */
  readonly sent: readonly string[]
  /** The current minimum reconnect delay (ms), as last set. */
  readonly minReconnectDelay: number
  /** Delivers a frame as if the server sent it (objects are stringified). */
  receive(frame: string | object): void
  /**
   * Simulates a server close: `reconnecting`, then (unless `reopen: false`)
   * `open` again at once. Call `reopen()` later when `reopen` is false.
   */
  drop(options?: {
    code?: number | undefined
    reason?: string | undefined
    reopen?: boolean | undefined
  }): void
  /** Completes a pending reconnect. */
  reopen(): void
}

/**
 * A test double of {@link Transport} for unit tests of the runtime and of
 * bots: no sockets, no timers. `receive(frame)` feeds frames in; `sent` shows
 * what went out.
 *
 * @example
 * ```ts
 * import { fake } from '@kraken-sockets/transport'
 * const transport = fake()({ endpoint: 'public' })
 * transport.on('message', (text) => console.log(text))
 * await transport.connect()
 * transport.receive({ channel: 'heartbeat' })
 * ```
 */
export function fake(
  config: FakeTransportConfig = {},
): TransportFactory<FakeTransport> {
  return (context: TransportContext = {}) => createFake(config, context)
}

function createFake(
  config: FakeTransportConfig,
  context: TransportContext,
): FakeTransport {
  const endpoint = config.endpoint ?? context.endpoint ?? 'public'
  const url = config.url ?? 'wss://fake.invalid/v2'
  const emitter = createEmitter()
  const ids = createRequestIdAllocator()
  const sent: string[] = []
  let status: TransportStatus = 'idle'
  let connections = 0
  let minReconnectDelay = 0
  let latency: Latency | undefined
  let waiters: Array<(error?: Error) => void> = []

  const report = (event: ConnectionEvent) => emitter.emit('status', event)

  function open() {
    status = 'open'
    connections++
    ids.clear()
    report({ endpoint, url, status: 'open', attempt: 1 })
    emitter.emit('open', {
      endpoint,
      url,
      connection: connections,
      isReconnect: connections > 1,
    })
    const pending = waiters
    waiters = []
    for (const settle of pending) settle()
  }

  function closeWith(reason: ConnectionReason) {
    status = 'closed'
    report({ endpoint, url, status: 'closed', reason })
    const pending = waiters
    waiters = []
    for (const settle of pending) settle(new TransportClosedError({ endpoint }))
  }

  function answerPing(text: string) {
    const match = /^\{"method":"ping","req_id":(\d+)\}$/.exec(text)
    if (match === null) return
    const reqId = Number(match[1])
    const sentAt = Date.now()
    queueMicrotask(() => {
      if (status !== 'open') return
      const now = new Date().toISOString()
      transport.receive(
        `{"method":"pong","req_id":${reqId},"time_in":"${now}","time_out":"${now}"}`,
      )
      latency = {
        reqId,
        rtt: Date.now() - sentAt,
        clockOffset: 0,
        receivedAt: Date.now(),
      }
      emitter.emit('pong', latency)
    })
  }

  const transport: FakeTransport = {
    name: 'fake',
    endpoint,
    url,
    requestIds: ids,
    sent,
    get status() {
      return status
    },
    get latency() {
      return latency
    },
    get minReconnectDelay() {
      return minReconnectDelay
    },
    connect() {
      if (status === 'open') return Promise.resolve()
      const promise = new Promise<void>((resolve, reject) => {
        waiters.push((error) =>
          error === undefined ? resolve() : reject(error),
        )
      })
      if (status === 'idle' || status === 'closed') {
        status = 'connecting'
        report({ endpoint, url, status: 'connecting', attempt: 1 })
        open()
      }
      return promise
    },
    close() {
      if (status !== 'idle' && status !== 'closed')
        closeWith({ kind: 'client' })
      return Promise.resolve()
    },
    send(text) {
      if (status !== 'open')
        throw new TransportNotOpenError({ endpoint, status })
      sent.push(text)
      if (config.autoPong !== false) answerPing(text)
    },
    receive(frame) {
      if (status !== 'open')
        throw new TransportNotOpenError({ endpoint, status })
      emitter.emit(
        'message',
        typeof frame === 'string' ? frame : JSON.stringify(frame),
      )
    },
    drop(options = {}) {
      if (status !== 'open')
        throw new TransportNotOpenError({ endpoint, status })
      status = 'reconnecting'
      report({
        endpoint,
        url,
        status: 'reconnecting',
        attempt: 1,
        delay: minReconnectDelay,
        delayReason: minReconnectDelay > 0 ? 'minimum' : 'backoff',
        reason: {
          kind: 'server',
          code: options.code ?? 1006,
          reason: options.reason ?? '',
        },
      })
      if (options.reopen !== false) open()
    },
    reopen() {
      if (status === 'reconnecting') open()
    },
    reconnect() {
      if (status !== 'open') return
      status = 'reconnecting'
      report({
        endpoint,
        url,
        status: 'reconnecting',
        attempt: 1,
        delay: 0,
        delayReason: 'backoff',
        reason: { kind: 'requested' },
      })
      open()
    },
    fail(reason) {
      if (status === 'idle' || status === 'closed') return
      const error = new FatalTransportError({
        endpoint,
        reason: typeof reason === 'string' ? reason : reason.message,
      })
      closeWith({ kind: 'fatal', error })
      emitter.emit('error', error)
    },
    setMinReconnectDelay(ms) {
      minReconnectDelay = nonNegative('minReconnectDelay', ms)
    },
    on: emitter.on,
  }
  return transport
}
