import {
  setImmediate as immediate,
  setTimeout as sleep,
} from 'node:timers/promises'
import {
  createRequestIdAllocator,
  createTransportEmitter,
  type Transport,
  type TransportEndpoint,
  TransportError,
  TransportNotOpenError,
  type TransportStatus,
} from '@kraken-sockets/transport'
import type { TapeEvent } from '../format/events.js'
import {
  failureAck,
  pong,
  type RequestParams,
  successAck,
  withRequestId,
} from './acks.js'
import type { TapeCatalog } from './catalog.js'
import {
  frameInfo,
  frameKeys,
  subscriptionKey,
  UNSOLICITED,
} from './frameInfo.js'
import type { ReplayReport } from './report.js'

/** Replay pace: a multiple of the recorded pace, or as fast as possible. */
export type ReplaySpeed = number | 'max'

/** What every connection of one replay shares. */
export type ReplayShared = {
  readonly batches: () => AsyncIterable<readonly TapeEvent[]>
  readonly catalog: () => Promise<TapeCatalog>
  readonly speed: ReplaySpeed
  readonly report: ReplayReport
}

/** A replay transport plus the promise of its end. */
export type ReplayConnection = Transport & {
  /** Settles when the tape's part for this endpoint has been replayed (or the transport closed). */
  readonly finished: Promise<void>
}

type Waiter = {
  reqId: unknown
  params: RequestParams
  symbol: string | undefined
}

/** Macrotask turns with no send before the bot counts as settled. */
const QUIET_TURNS = 3
/** Most turns to wait for a bot to settle. */
const MAX_SETTLE_TURNS = 200
/**
 * At 'max' speed, frames handed over between two macrotask turns. Turns come
 * at fixed counts (and at each batch end), so the client's pending work runs
 * at the same points on every replay.
 */
const FRAMES_PER_TURN = 32

/**
 * One endpoint's socket, played from a tape: frames of the subscriptions the
 * client holds, in the tape's order; acks to the client's own requests.
 */
export function createReplayConnection(
  shared: ReplayShared,
  endpoint: TransportEndpoint,
  url: string,
): ReplayConnection {
  const emitter = createTransportEmitter()
  const ids = createRequestIdAllocator()
  const { report } = shared
  let status: TransportStatus = 'idle'
  let connections = 0
  let sends = 0
  let position = ''
  let catalog: TapeCatalog | undefined
  const live = new Set<string>()
  const waiting = new Map<string, Waiter[]>()
  const acksAhead = new Map<string, number>()
  let started = false
  /** Requests sent before the tape's catalog was read, answered once it is. */
  let early: string[] | undefined = []
  let resolveFinished: () => void = () => {}
  let rejectFinished: (error: unknown) => void = () => {}
  const finished = new Promise<void>((resolve, reject) => {
    resolveFinished = resolve
    rejectFinished = reject
  })
  // Reported on `error` too: a caller that never awaits it is not an
  // unhandled rejection.
  finished.catch(() => {})

  const now = () =>
    position || catalog?.firstTime || '1970-01-01T00:00:00.0000000Z'
  const deliver = (text: string) => {
    if (status === 'open') emitter.emit('message', text)
  }
  const answer = (text: string) => queueMicrotask(() => deliver(text))

  function open(isReconnect: boolean) {
    status = 'open'
    connections++
    ids.clear()
    emitter.emit('status', { endpoint, url, status: 'open', attempt: 1 })
    emitter.emit('open', {
      endpoint,
      url,
      connection: connections,
      isReconnect,
    })
  }

  /** Lets the client react (subscribe) before the tape moves on. */
  async function settle(until?: () => boolean): Promise<void> {
    let quiet = 0
    for (let turn = 0; turn < MAX_SETTLE_TURNS && quiet < QUIET_TURNS; turn++) {
      if (until?.() === true) return
      const before = sends
      await immediate()
      quiet = sends === before ? quiet + 1 : 0
    }
  }

  function subscribe(
    reqId: unknown,
    params: RequestParams,
    symbol: string | undefined,
  ) {
    const channel = String(params.channel)
    const key = subscriptionKey(channel, symbol)
    const held = catalog?.endpoints.get(endpoint)
    if (held === undefined || !held.keys.has(key)) {
      report.missing.push({ endpoint, channel, symbol })
      answer(
        failureAck(
          'subscribe',
          reqId,
          `EReplay:The tape holds no ${key}`,
          symbol,
          now(),
        ),
      )
      return
    }
    if (live.has(key) || waiting.has(key)) {
      // As Kraken answers a second subscription on the same socket.
      answer(
        failureAck('subscribe', reqId, 'Already subscribed', symbol, now()),
      )
      return
    }
    if ((acksAhead.get(key) ?? 0) > 0) {
      // The tape's own ack is still ahead: answer there, so the frames
      // that follow it arrive in the recorded order.
      waiting.set(key, [{ reqId, params, symbol }])
      return
    }
    live.add(key)
    report.subscribed.push(key)
    answer(successAck('subscribe', reqId, params, symbol, now()))
  }

  function handleRequest(text: string) {
    let request: Record<string, unknown>
    try {
      request = JSON.parse(text) as Record<string, unknown>
    } catch {
      return
    }
    const method = String(request.method)
    const reqId = request.req_id
    const params = (request.params ?? {}) as RequestParams
    const symbols = Array.isArray(params.symbol)
      ? (params.symbol as unknown[]).map(String)
      : [undefined]
    if (method === 'ping') {
      answer(pong(reqId, now()))
    } else if (method === 'subscribe') {
      for (const symbol of symbols) subscribe(reqId, params, symbol)
    } else if (method === 'unsubscribe') {
      for (const symbol of symbols) {
        live.delete(subscriptionKey(String(params.channel), symbol))
        answer(successAck('unsubscribe', reqId, params, symbol, now()))
      }
    } else {
      report.refused.push(method)
      answer(
        failureAck(
          method,
          reqId,
          'EReplay:A tape cannot answer this request',
          undefined,
          now(),
        ),
      )
    }
  }

  async function onAck(key: string, recorded: string) {
    acksAhead.set(key, (acksAhead.get(key) ?? 1) - 1)
    if (!waiting.has(key)) await settle(() => waiting.has(key))
    const list = waiting.get(key)
    if (list === undefined) return
    waiting.delete(key)
    live.add(key)
    for (const waiter of list) {
      report.subscribed.push(key)
      deliver(withRequestId(recorded, waiter.reqId))
    }
  }

  function onFrame(text: string): Promise<void> | undefined {
    const info = frameInfo(text)
    if (info.kind === 'channel') {
      if (
        UNSOLICITED.has(info.channel) ||
        frameKeys(info).some((key) => live.has(key))
      ) {
        report.frames++
        deliver(text)
      } else report.skipped++
    } else if (
      info.kind === 'method' &&
      info.method === 'subscribe' &&
      info.success &&
      info.key !== undefined
    ) {
      return onAck(info.key, text)
    }
    return undefined
  }

  async function reconnect() {
    status = 'reconnecting'
    report.reconnects++
    live.clear()
    waiting.clear()
    emitter.emit('status', {
      endpoint,
      url,
      status: 'reconnecting',
      attempt: 1,
      delay: 0,
      delayReason: 'backoff',
      reason: {
        kind: 'server',
        code: 1006,
        reason: 'the tape connection closed',
      },
    })
    open(true)
    await settle()
  }

  async function pace(
    mono: number,
    clock: { first?: number; start: number; sinceTurn: number },
  ) {
    if (shared.speed === 'max') {
      clock.sinceTurn++
      if (clock.sinceTurn >= FRAMES_PER_TURN) {
        clock.sinceTurn = 0
        await immediate()
      }
      return
    }
    clock.first ??= mono
    const due = clock.start + (mono - clock.first) / 1000 / shared.speed
    const wait = due - performance.now()
    if (wait >= 1) await sleep(wait)
    else await immediate()
  }

  async function play() {
    catalog = await shared.catalog()
    for (const [key, count] of catalog.endpoints.get(endpoint)?.acks ?? [])
      acksAhead.set(key, count)
    const pending = early ?? []
    early = undefined
    for (const text of pending) handleRequest(text)
    await settle()
    const connEndpoint = new Map<number, TransportEndpoint>()
    let opened = false
    let closedSinceOpen = false
    const clock: { first?: number; start: number; sinceTurn: number } = {
      start: performance.now(),
      sinceTurn: 0,
    }
    for await (const batch of shared.batches()) {
      for (const event of batch) {
        if (status === 'closed') return
        if (event.kind === 'open') {
          connEndpoint.set(event.conn, event.endpoint)
          if (event.endpoint !== endpoint) continue
          if (opened && closedSinceOpen) await reconnect()
          opened = true
          closedSinceOpen = false
          continue
        }
        if (connEndpoint.get(event.conn) !== endpoint) continue
        if (event.kind === 'close') closedSinceOpen = true
        if (event.kind !== 'in') continue
        await pace(event.mono, clock)
        if (status !== 'open') return
        position = event.time
        const acked = onFrame(event.text)
        if (acked !== undefined) await acked
      }
      // The client's pending work runs here, whatever the reads' timing.
      await immediate()
    }
  }

  const transport: ReplayConnection = {
    name: 'replay',
    endpoint,
    url,
    requestIds: ids,
    finished,
    get status() {
      return status
    },
    latency: undefined,
    connect() {
      if (status === 'open') return Promise.resolve()
      if (status === 'closed') status = 'idle'
      emitter.emit('status', {
        endpoint,
        url,
        status: 'connecting',
        attempt: 1,
      })
      open(false)
      if (!started) {
        started = true
        play().then(resolveFinished, (error: unknown) => {
          rejectFinished(error)
          emitter.emit(
            'error',
            new TransportError('Replaying the tape failed.', { cause: error }),
          )
        })
      }
      return Promise.resolve()
    },
    close() {
      if (status !== 'idle' && status !== 'closed') {
        status = 'closed'
        emitter.emit('status', {
          endpoint,
          url,
          status: 'closed',
          reason: { kind: 'client' },
        })
      }
      if (!started) resolveFinished()
      return Promise.resolve()
    },
    send(text) {
      if (status !== 'open')
        throw new TransportNotOpenError({ endpoint, status })
      sends++
      if (early === undefined) handleRequest(text)
      else early.push(text)
    },
    reconnect() {},
    fail() {
      void transport.close()
    },
    setMinReconnectDelay() {},
    on: emitter.on,
  }
  return transport
}
