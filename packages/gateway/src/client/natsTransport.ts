import {
  createRequestIdAllocator,
  createTransportEmitter,
  redactUrl,
  type Transport,
  TransportClosedError,
  type TransportContext,
  type TransportEndpoint,
  type TransportFactory,
  TransportNotOpenError,
  type TransportStatus,
} from '@kraken-sockets/transport'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { GatewayConfigError } from '../errors.js'
import { DEMAND_CHANNELS } from '../gateway/demand.js'
import { PRIVATE_CHANNELS } from '../gateway/privateRelay.js'
import {
  controlSubjects,
  DEFAULT_ACCOUNT,
  DEFAULT_PREFIX,
  DEFAULT_STREAM,
  dataSubject,
  isSubjectToken,
  privateSubjects,
  snapshotSubject,
  subjectChannel,
} from '../wire/subjects.js'
import {
  type Feed,
  type FeedContext,
  type LagEvent,
  startBookFeed,
  startPlainFeed,
} from './feed.js'
import { createPrivateFeed, type PrivateFeed } from './privateFeed.js'

/** Options of {@link natsTransport}. */
export interface NatsTransportOptions {
  /** NATS server URL(s) the gateway publishes to. */
  servers: string | readonly string[]
  /** The gateway's subject prefix. @default 'kraken.spot' */
  prefix?: string | undefined
  /** The gateway's stream. @default 'KRAKEN_SPOT' */
  stream?: string | undefined
  /** How long a demand or trading request waits for the gateway (ms). @default 10_000 */
  requestTimeout?: number | undefined
  /** Called when a feed found a gap (or lost its consumer) and resynced from the kept snapshot. */
  onResync?: ((subject: string, reason: string) => void) | undefined
  /** Called when a feed fell behind the stream (a slow or stopped reader), and when it caught up. */
  onLag?: ((event: LagEvent) => void) | undefined
  /**
   * The gateway's name for its API key (its `account` option): private
   * channels (`executions`, `balances`) come from that key. @default 'default'
   */
  account?: string | undefined
  /** How far (ms, by the stream's store time) behind a feed counts as behind. @default 1_000 */
  lagThreshold?: number | undefined
}

interface Frame {
  method?: unknown
  req_id?: unknown
  params?: { channel?: unknown; symbol?: unknown; interval?: unknown }
}

/**
 * A transport that speaks to a gateway over NATS instead of to Kraken, as
 * a `KrakenWebSocketAPI` `transport` option: subscribe requests become
 * demand on the gateway (answered with Kraken's acks), books start from the
 * gateway's kept snapshot and continue from the stream, and trading
 * requests go to the gateway by NATS request/reply.
 *
 * Private channels (`executions`, `balances`) come from the gateway's own
 * key, relayed for `account`; no token travels either way.
 *
 * @throws {GatewayConfigError} when `servers` is empty or `account` is not one subject token.
 * @example
 * ```ts
 * const kraken = new KrakenWebSocketAPI({ transport: natsTransport({ servers: 'nats://127.0.0.1:4222' }) })
 * const book = await kraken.book('BTC/USD', { depth: 10 })
 * ```
 */
export function natsTransport(
  options: NatsTransportOptions,
): (endpoint: TransportEndpoint) => TransportFactory {
  const servers = [options.servers].flat() as string[]
  if (
    servers.length === 0 ||
    servers.some((s) => typeof s !== 'string' || s === '')
  )
    throw new GatewayConfigError(
      'natsTransport needs at least one NATS server URL.',
    )
  if (options.account !== undefined && !isSubjectToken(options.account))
    throw new GatewayConfigError(
      'natsTransport `account` must be one subject token (letters, digits, `_`, `-`).',
    )
  return (endpoint) =>
    (context: TransportContext = {}) =>
      createNatsTransport(servers, options, endpoint, context)
}

/**
 * A request to the gateways. "No responders" means no gateway is listening
 * right now (one may be reconnecting to NATS, or taking over): it is asked
 * again, with a growing pause, until `timeout` ms have passed.
 */
async function requestGateway(
  nc: NatsConnection,
  subject: string,
  body: string,
  timeout: number,
) {
  const deadline = Date.now() + timeout
  let pause = 50
  for (;;) {
    try {
      return await nc.request(subject, body, {
        timeout: Math.max(1, deadline - Date.now()),
      })
    } catch (error) {
      if (
        !/no responders/i.test((error as Error).message) ||
        Date.now() + pause > deadline
      )
        throw error
      await new Promise((resolve) => setTimeout(resolve, pause))
      pause = Math.min(pause * 2, 1_000)
    }
  }
}

function createNatsTransport(
  servers: string[],
  options: NatsTransportOptions,
  endpoint: TransportEndpoint,
  _context: TransportContext,
): Transport {
  const prefix = options.prefix ?? DEFAULT_PREFIX
  const stream = options.stream ?? DEFAULT_STREAM
  const control = controlSubjects(prefix)
  const timeout = options.requestTimeout ?? 10_000
  const account = options.account ?? DEFAULT_ACCOUNT
  const url = redactUrl(servers[0] as string)
  const ids = createRequestIdAllocator()
  const listeners = createTransportEmitter()
  const feeds = new Map<string, Feed>()
  let status: TransportStatus = 'idle'
  let nc: NatsConnection | undefined
  let feedContext: FeedContext | undefined
  let privateFeed: PrivateFeed | undefined
  let connections = 0
  let connecting: Promise<void> | undefined

  const emit = (text: string) => {
    if (status === 'open') listeners.emit('message', text)
  }

  function opened() {
    status = 'open'
    connections++
    ids.clear()
    listeners.emit('status', { endpoint, url, status: 'open', attempt: 1 })
    listeners.emit('open', {
      endpoint,
      url,
      connection: connections,
      isReconnect: connections > 1,
    })
    emit(
      '{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":1,"system":"online","version":"kraken-gateway"}]}',
    )
  }

  async function stopFeeds() {
    const all = [...feeds.values()]
    feeds.clear()
    await Promise.all(all.map((feed) => feed.stop()))
  }

  async function watch(connection: NatsConnection) {
    for await (const event of connection.status()) {
      if (event.type === 'disconnect' && status === 'open') {
        status = 'reconnecting'
        void stopFeeds()
        listeners.emit('status', {
          endpoint,
          url,
          status: 'reconnecting',
          attempt: 1,
          delay: 0,
          delayReason: 'backoff',
          reason: { kind: 'server', code: 1006, reason: 'NATS disconnected' },
        })
      } else if (event.type === 'reconnect' && status === 'reconnecting') {
        opened()
      }
    }
  }

  function startFeed(
    channel: string,
    symbol: string | undefined,
    interval: unknown,
  ) {
    if (feedContext === undefined) return
    const name = subjectChannel(
      channel,
      typeof interval === 'number' ? interval : undefined,
    )
    const subject = dataSubject(prefix, name, symbol)
    if (feeds.has(subject)) return
    feeds.set(
      subject,
      channel === 'book' && symbol !== undefined
        ? startBookFeed(
            feedContext,
            subject,
            snapshotSubject(prefix, 'book', symbol),
          )
        : startPlainFeed(feedContext, subject),
    )
  }

  function stopFeed(
    channel: string,
    symbol: string | undefined,
    interval: unknown,
  ) {
    const name = subjectChannel(
      channel,
      typeof interval === 'number' ? interval : undefined,
    )
    const subject = dataSubject(prefix, name, symbol)
    void feeds.get(subject)?.stop()
    feeds.delete(subject)
  }

  async function demand(text: string, frame: Frame, reqId: unknown) {
    const params = frame.params ?? {}
    const symbols = Array.isArray(params.symbol)
      ? (params.symbol as string[])
      : [undefined]
    let acks: Record<string, unknown>[]
    try {
      const reply = await requestGateway(
        nc as NatsConnection,
        control.subscribe,
        text,
        timeout,
      )
      acks = reply.json<Record<string, unknown>[]>()
    } catch (error) {
      // Nobody answered: each symbol fails as Kraken fails a busy service.
      acks = symbols.map((symbol) => ({
        method: 'subscribe',
        success: false,
        error: `EService:Unavailable (${(error as Error).message})`,
        ...(symbol === undefined ? {} : { symbol }),
        time_in: new Date().toISOString(),
        time_out: new Date().toISOString(),
      }))
    }
    for (const ack of acks) {
      emit(JSON.stringify({ ...ack, req_id: reqId }))
      const result = ack.result as Record<string, unknown> | undefined
      if (ack.success === true && typeof params.channel === 'string')
        startFeed(
          params.channel,
          typeof result?.symbol === 'string' ? result.symbol : undefined,
          params.interval,
        )
    }
  }

  function undemand(frame: Frame, reqId: unknown) {
    const params = frame.params ?? {}
    const channel = String(params.channel)
    const symbols = Array.isArray(params.symbol)
      ? (params.symbol as string[])
      : [undefined]
    const now = new Date().toISOString()
    for (const symbol of symbols) {
      stopFeed(channel, symbol, params.interval)
      emit(
        JSON.stringify({
          method: 'unsubscribe',
          req_id: reqId,
          success: true,
          result: symbol === undefined ? { channel } : { channel, symbol },
          time_in: now,
          time_out: now,
        }),
      )
    }
  }

  async function trade(frame: Frame, method: string, reqId: unknown) {
    // The gateway signs with its own token: a client's never goes on the wire.
    const { token: _token, ...params } = (frame.params ?? {}) as Record<
      string,
      unknown
    >
    try {
      const reply = await (nc as NatsConnection).request(
        control.trade,
        JSON.stringify({ method, params }),
        { timeout },
      )
      emit(
        JSON.stringify({
          ...reply.json<Record<string, unknown>>(),
          req_id: reqId,
        }),
      )
    } catch (error) {
      // Only "no responders" proves the request never reached a gateway;
      // after a timeout the outcome is unknown, and the runtime's own
      // timeout reports it so.
      if (/no responders/i.test((error as Error).message)) {
        const now = new Date().toISOString()
        emit(
          JSON.stringify({
            method,
            req_id: reqId,
            success: false,
            error: 'EService:Unavailable',
            time_in: now,
            time_out: now,
          }),
        )
      }
    }
  }

  /**
   * Other private channels (level 3) are not relayed: refused here, so a
   * token never goes over NATS.
   */
  function refusePrivate(frame: Frame, reqId: unknown) {
    const now = new Date().toISOString()
    queueMicrotask(() =>
      emit(
        JSON.stringify({
          method: 'subscribe',
          req_id: reqId,
          success: false,
          error: `EGateway:Channel ${String(frame.params?.channel)} is not relayed by the gateway (channels: ${[...DEMAND_CHANNELS, ...PRIVATE_CHANNELS].join(', ')})`,
          time_in: now,
          time_out: now,
        }),
      ),
    )
  }

  function answerPing(reqId: unknown) {
    const now = new Date().toISOString()
    queueMicrotask(() =>
      emit(
        JSON.stringify({
          method: 'pong',
          req_id: reqId,
          time_in: now,
          time_out: now,
        }),
      ),
    )
  }

  const transport: Transport = {
    name: 'nats',
    endpoint,
    url,
    requestIds: ids,
    latency: undefined,
    get status() {
      return status
    },
    connect() {
      if (status === 'open') return Promise.resolve()
      connecting ??= (async () => {
        status = 'connecting'
        listeners.emit('status', {
          endpoint,
          url,
          status: 'connecting',
          attempt: 1,
        })
        try {
          const connection = await connect({
            servers,
            name: `kraken-sockets ${endpoint}`,
            maxReconnectAttempts: -1,
            reconnectTimeWait: 250,
          })
          if (status !== 'connecting') {
            await connection.close()
            throw new TransportClosedError({ endpoint })
          }
          nc = connection
          feedContext = {
            js: jetstream(connection),
            jsm: await jetstreamManager(connection),
            stream,
            emit,
            onResync: (subject, reason) => options.onResync?.(subject, reason),
            onLag: (event) => options.onLag?.(event),
            lagThreshold: options.lagThreshold ?? 1_000,
          }
          privateFeed = createPrivateFeed(
            connection,
            privateSubjects(prefix, account),
            timeout,
            emit,
          )
          void watch(connection).catch(() => undefined)
          opened()
        } finally {
          connecting = undefined
        }
      })()
      return connecting
    },
    async close() {
      if (status === 'closed' || status === 'idle') return
      status = 'closed'
      await stopFeeds()
      await nc?.close()
      listeners.emit('status', {
        endpoint,
        url,
        status: 'closed',
        reason: { kind: 'client' },
      })
    },
    send(text) {
      if (status !== 'open')
        throw new TransportNotOpenError({ endpoint, status })
      let frame: Frame
      try {
        frame = JSON.parse(text) as Frame
      } catch {
        frame = {}
      }
      const method = typeof frame.method === 'string' ? frame.method : ''
      const reqId = frame.req_id
      if (method === 'ping') answerPing(reqId)
      else if (method === 'subscribe') {
        const channel = String(frame.params?.channel)
        if (DEMAND_CHANNELS.has(channel)) void demand(text, frame, reqId)
        else if (PRIVATE_CHANNELS.has(channel)) {
          // The runtime added its placeholder token: it stays here too.
          const { token: _token, ...params } = (frame.params ?? {}) as Record<
            string,
            unknown
          >
          void privateFeed?.subscribe(JSON.stringify({ method, params }), reqId)
        } else refusePrivate(frame, reqId)
      } else if (method === 'unsubscribe') undemand(frame, reqId)
      else void trade(frame, method, reqId)
    },
    reconnect() {
      if (status !== 'open') return
      void stopFeeds().then(() => {
        status = 'reconnecting'
        opened()
      })
    },
    fail() {
      void transport.close()
    },
    setMinReconnectDelay() {
      // NATS paces its own reconnects; Kraken's maintenance delay does not apply here.
    },
    on: listeners.on,
  }
  return transport
}
