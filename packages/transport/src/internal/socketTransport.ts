import {
  ConnectionError,
  FatalTransportError,
  ReconnectExhaustedError,
  TransportClosedError,
  TransportError,
  TransportNotOpenError,
} from '../errors.js'
import { createRequestIdAllocator } from '../requestIds.js'
import type {
  ConnectionEvent,
  ConnectionReason,
  Latency,
  Transport,
  TransportStatus,
  WebSocketConstructor,
  WebSocketLike,
} from '../types.js'
import { backoffDelay } from './backoff.js'
import { closeDetails } from './closeDetails.js'
import { createEmitter } from './emitter.js'
import { findFatalError } from './fatal.js'
import { frameText, socketErrorCause } from './frames.js'
import { type Liveness, startLiveness } from './liveness.js'
import { nonNegative, type ResolvedConfig } from './resolveConfig.js'

const OPEN = 1
const noop = () => {}

/** How a concrete transport obtains and kills sockets. */
export type SocketDriver = {
  name: string
  /** Resolves the WebSocket class (may load it on first use). */
  load(): Promise<WebSocketConstructor>
  /** Drops a socket at once, without waiting for a closing handshake. */
  kill(socket: WebSocketLike): void
}

type Waiter = { resolve: () => void; reject: (error: TransportError) => void }

/**
 * The lifecycle shared by the socket transports: connect, liveness, backoff
 * under the shared budget, fatal errors, deliberate close. `generation`
 * changes whenever the current socket is abandoned, so late events of an old
 * socket are ignored.
 */
export function createSocketTransport(
  driver: SocketDriver,
  config: ResolvedConfig,
): Transport {
  const { endpoint, url, rawUrl, reconnect, budget } = config
  const ids = createRequestIdAllocator()
  const emitter = createEmitter()
  let status: TransportStatus = 'idle'
  let socket: WebSocketLike | undefined
  let liveness: Liveness | undefined
  let latency: Latency | undefined
  let generation = 0
  let failures = 0
  let connections = 0
  let minReconnectDelay = 0
  let waiters: Waiter[] = []
  let connectTimer: ReturnType<typeof setTimeout> | undefined
  let stableTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let lostAt = 0
  let retryDueAt = 0

  const report = (event: ConnectionEvent) => emitter.emit('status', event)
  const base = () => ({ endpoint, url })

  function settle(error?: TransportError) {
    const pending = waiters
    waiters = []
    for (const waiter of pending)
      error === undefined ? waiter.resolve() : waiter.reject(error)
  }

  /** Abandons the current socket: no more events from it, late errors absorbed. */
  function release(mode: 'graceful' | 'abrupt'): WebSocketLike | undefined {
    generation++
    clearTimeout(connectTimer)
    clearTimeout(stableTimer)
    liveness?.stop()
    liveness = undefined
    const old = socket
    socket = undefined
    if (old === undefined) return undefined
    old.onopen = noop
    old.onmessage = noop
    old.onerror = noop
    old.onclose = noop
    if (mode === 'abrupt') {
      try {
        driver.kill(old)
      } catch {
        // Already closed: nothing left to release.
      }
    }
    return old
  }

  function finish(reason: ConnectionReason, error?: TransportError) {
    release('abrupt')
    clearTimeout(retryTimer)
    retryTimer = undefined
    status = 'closed'
    report({ ...base(), status: 'closed', reason })
    if (error !== undefined) emitter.emit('error', error)
    settle(error ?? new TransportClosedError({ endpoint }))
  }

  function scheduleRetry(reason: ConnectionReason, backoff: number) {
    let delay = backoff
    let delayReason: 'backoff' | 'minimum' | 'budget' = 'backoff'
    if (minReconnectDelay > delay) {
      delay = minReconnectDelay
      delayReason = 'minimum'
    }
    const budgetWait = budget.waitTime()
    if (budgetWait > delay) {
      delay = budgetWait
      delayReason = 'budget'
    }
    lostAt = Date.now()
    retryDueAt = lostAt + delay
    status = 'reconnecting'
    clearTimeout(retryTimer)
    retryTimer = setTimeout(attempt, delay)
    report({
      ...base(),
      status: 'reconnecting',
      attempt: failures + 1,
      delay,
      delayReason,
      reason,
    })
  }

  /** The socket went away without `close()`: back off and retry, or stop. */
  function lose(reason: ConnectionReason, counts = true) {
    release('abrupt')
    const error = reason.kind === 'error' ? reason.error : undefined
    if (reconnect === false) return finish(reason, error)
    if (error !== undefined) emitter.emit('error', error)
    if (counts) failures++
    if (failures >= reconnect.attempts) {
      return finish(
        reason,
        new ReconnectExhaustedError({ attempts: failures, cause: error }),
      )
    }
    const backoff = counts
      ? backoffDelay(failures - 1, reconnect, reconnect.random)
      : 0
    scheduleRetry(reason, backoff)
  }

  function stopFatal(error: FatalTransportError) {
    const old = release('graceful')
    try {
      old?.close(1000)
    } catch {
      // Closing a socket that is already closing throws on some runtimes.
    }
    finish({ kind: 'fatal', error }, error)
  }

  async function attempt() {
    retryTimer = undefined
    const gen = ++generation
    let WebSocketClass: WebSocketConstructor
    try {
      WebSocketClass = await driver.load()
    } catch (cause) {
      if (gen !== generation) return
      const error =
        cause instanceof TransportError
          ? cause
          : new FatalTransportError({
              endpoint,
              reason: 'no WebSocket implementation.',
              cause,
            })
      return finish({ kind: 'fatal', error }, error)
    }
    if (gen !== generation) return
    if (!budget.tryTake()) return scheduleRetry({ kind: 'budget' }, 0)
    status = 'connecting'
    report({ ...base(), status: 'connecting', attempt: failures + 1 })
    if (gen !== generation) return
    let ws: WebSocketLike
    try {
      ws = new WebSocketClass(rawUrl)
    } catch (event) {
      return lose({
        kind: 'error',
        error: failure('it could not be created', event),
      })
    }
    socket = ws
    try {
      ws.binaryType = 'arraybuffer'
    } catch {
      // Read-only on some implementations; frames are decoded either way.
    }
    let lastError: unknown
    connectTimer = setTimeout(() => {
      if (gen === generation)
        lose({
          kind: 'error',
          error: failure(`no open within ${config.connectTimeout} ms`),
        })
    }, config.connectTimeout)
    ws.onopen = () => {
      if (gen === generation) opened(ws, gen)
    }
    ws.onmessage = (event) => {
      if (gen === generation) received(event.data, gen)
    }
    ws.onerror = (event) => {
      lastError = event
    }
    ws.onclose = (event) => {
      if (gen !== generation) return
      if (lastError !== undefined || status !== 'open')
        lose({
          kind: 'error',
          error: failure(redact(closeDetails(event, lastError)), lastError),
        })
      else lose({ kind: 'server', code: event.code, reason: event.reason })
    }
  }

  /** Error texts may quote the URL they failed on: show the redacted one. */
  function redact(text: string): string {
    return text.replaceAll(rawUrl, url)
  }

  function failure(details: string, event?: unknown) {
    return new ConnectionError({
      endpoint,
      url,
      details,
      cause: socketErrorCause(event, rawUrl, url),
    })
  }

  function opened(ws: WebSocketLike, gen: number) {
    clearTimeout(connectTimer)
    status = 'open'
    connections++
    ids.clear()
    liveness = startLiveness({
      staleAfter: config.staleAfter,
      pingInterval: config.pingInterval,
      ids,
      send: (text) => ws.send(text),
      onStale(silentFor) {
        if (gen !== generation) return
        report({ ...base(), status: 'stale', silentFor })
        if (gen === generation) lose({ kind: 'stale', silentFor })
      },
      onPong(measured) {
        latency = measured
        emitter.emit('pong', measured)
      },
    })
    if (reconnect !== false)
      stableTimer = setTimeout(() => {
        failures = 0
      }, reconnect.minUptime)
    report({ ...base(), status: 'open', attempt: failures + 1 })
    if (gen !== generation) return
    emitter.emit('open', {
      ...base(),
      connection: connections,
      isReconnect: connections > 1,
    })
    settle()
  }

  function received(data: unknown, gen: number) {
    const text = frameText(data)
    if (text === undefined) return
    liveness?.receive(text)
    emitter.emit('message', text)
    if (gen !== generation || config.fatalErrors.length === 0) return
    const krakenError = findFatalError(text, config.fatalErrors)
    if (krakenError !== undefined)
      stopFatal(
        new FatalTransportError({
          endpoint,
          reason: `Kraken answered "${krakenError}".`,
          krakenError,
        }),
      )
  }

  return {
    name: driver.name,
    endpoint,
    url,
    requestIds: ids,
    get status() {
      return status
    },
    get latency() {
      return latency
    },
    connect() {
      if (status === 'open') return Promise.resolve()
      const promise = new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject })
      })
      if (status === 'idle' || status === 'closed') {
        failures = 0
        status = 'connecting'
        void attempt()
      }
      return promise
    },
    close() {
      if (status === 'idle' || status === 'closed') return Promise.resolve()
      const old = release('graceful')
      finish({ kind: 'client' })
      if (old === undefined || old.readyState !== OPEN) {
        if (old !== undefined) driver.kill(old)
        return Promise.resolve()
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          driver.kill(old)
          resolve()
        }, config.closeTimeout)
        old.onclose = () => {
          clearTimeout(timer)
          resolve()
        }
        old.close(1000)
      })
    },
    send(text) {
      if (
        status !== 'open' ||
        socket === undefined ||
        socket.readyState !== OPEN
      )
        throw new TransportNotOpenError({ endpoint, status })
      socket.send(text)
    },
    reconnect() {
      if (status === 'open' || status === 'connecting')
        lose({ kind: 'requested' }, false)
      else if (status === 'reconnecting') {
        clearTimeout(retryTimer)
        void attempt()
      }
    },
    fail(reason) {
      if (status === 'idle' || status === 'closed') return
      stopFatal(
        new FatalTransportError({
          endpoint,
          reason: typeof reason === 'string' ? reason : reason.message,
          cause: typeof reason === 'string' ? undefined : reason,
        }),
      )
    },
    setMinReconnectDelay(ms) {
      minReconnectDelay = nonNegative('minReconnectDelay', ms)
      if (retryTimer === undefined || lostAt + ms <= retryDueAt) return
      clearTimeout(retryTimer)
      retryDueAt = lostAt + ms
      retryTimer = setTimeout(attempt, retryDueAt - Date.now())
    },
    on: emitter.on,
  }
}
