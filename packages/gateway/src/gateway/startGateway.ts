import {
  KrakenWebSocketAPI,
  type LiveBook,
  type SubscriptionRequest,
} from '@kraken-sockets/runtime'
import {
  nodeWebSocket,
  type TransportEndpoint,
  type TransportFactory,
} from '@kraken-sockets/transport'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import {
  connect,
  headers,
  type Msg,
  type NatsConnection,
} from '@nats-io/transport-node'
import { GatewayConfigError, GatewayRequestError } from '../errors.js'
import { EPOCH_HEADER, KIND_HEADER, SEQ_HEADER } from '../wire/headers.js'
import {
  controlSubjects,
  DEFAULT_ACCOUNT,
  DEFAULT_PREFIX,
  DEFAULT_STREAM,
  isSubjectToken,
  privateSubjects,
} from '../wire/subjects.js'
import { ackFrame } from './acks.js'
import {
  type DemandFrame,
  leaseKey,
  readDemandFrame,
  splitDemand,
  subscribeDemand,
} from './demand.js'
import { ensureStream } from './ensureStream.js'
import { createEpochClock } from './epochClock.js'
import { FramePublisher, type MessageSink } from './framePublisher.js'
import { Leases } from './leases.js'
import type { GatewayOptions, GatewayStats } from './options.js'
import { createPrivateDemand } from './privateDemand.js'
import { PrivateRelay } from './privateRelay.js'
import { relayTrading } from './trading.js'

/** A running gateway. */
export interface Gateway {
  /** The subject prefix it publishes under. */
  readonly prefix: string
  /** The runtime client holding the Kraken sockets. */
  readonly kraken: KrakenWebSocketAPI
  /** Subscribes a Kraken subscribe frame at Kraken, as a demand request does; resolves with the acks. */
  demand(frame: string | object): Promise<object[]>
  /** Counters and each subject's epoch and sequence. */
  stats(): GatewayStats
  /** Stops the Kraken client and drains the NATS connection. */
  stop(): Promise<void>
}

/** Queue group of the gateways' request subscriptions: one gateway answers each request. */
const QUEUE = 'kraken-gateway'

/**
 * Starts a gateway: one `KrakenWebSocketAPI` holds the Kraken sockets, and
 * every verified frame is published to NATS JetStream per the wire contract
 * (see the package README): stream `KRAKEN_SPOT`, subjects
 * `kraken.spot.<channel>.<symbol>`, `KS-Kind` / `KS-Epoch` / `KS-Seq`
 * headers, and the latest verified book of each symbol kept on
 * `kraken.spot.book.<symbol>.snapshot`.
 *
 * @throws {GatewayConfigError} on invalid options.
 * @throws {GatewayRequestError} when a configured subscribe frame is invalid.
 * @example
 * ```ts
 * const gateway = await startGateway({
 *   servers: 'nats://127.0.0.1:4222',
 *   subscribe: ['{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]}}'],
 * })
 * ```
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const prefix = options.prefix ?? DEFAULT_PREFIX
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix))
    throw new GatewayConfigError(
      '`prefix` must be dot-separated subject tokens.',
      {
        details: prefix,
      },
    )
  const account = options.account ?? DEFAULT_ACCOUNT
  if (!isSubjectToken(account))
    throw new GatewayConfigError(
      '`account` must be one subject token (letters, digits, `_`, `-`).',
      { details: account },
    )
  const configured = (options.subscribe ?? []).map(readDemandFrame)
  const report = (error: Error) => options.onError?.(error)
  const nc = await connect({
    servers: [options.servers].flat() as string[],
    name: 'kraken-gateway',
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
  })
  try {
    await ensureStream(
      await jetstreamManager(nc),
      options.stream ?? DEFAULT_STREAM,
      prefix,
      options.retention ?? {},
    )
  } catch (error) {
    await nc.close()
    throw error
  }
  return runGateway(nc, prefix, configured, options, report)
}

async function runGateway(
  nc: NatsConnection,
  prefix: string,
  configured: DemandFrame[],
  options: GatewayOptions,
  report: (error: Error) => void,
): Promise<Gateway> {
  const js = jetstream(nc)
  let publishErrors = 0
  let demands = 0
  let tradingRequests = 0
  const sink: MessageSink = (message) => {
    const h = headers()
    h.set(KIND_HEADER, message.kind)
    h.set(EPOCH_HEADER, String(message.epoch))
    h.set(SEQ_HEADER, String(message.seq))
    try {
      if (!message.rollup) {
        nc.publish(message.subject, message.body, { headers: h })
        return undefined
      }
      h.set('Nats-Rollup', 'sub')
      return js
        .publish(message.subject, message.body, { headers: h })
        .catch((error: Error) => {
          publishErrors++
          report(error)
        })
    } catch (error) {
      publishErrors++
      report(error as Error)
      return undefined
    }
  }

  const depths = new Map<string, number>()
  let kraken: KrakenWebSocketAPI | undefined
  const publisher = new FramePublisher({
    prefix,
    sink,
    nextEpoch: createEpochClock(),
    snapshotEvery: options.snapshotEvery ?? 100,
    snapshotInterval: options.snapshotInterval ?? 250,
    depthOf: (symbol) =>
      kraken
        ?.stats()
        .books.find((book) => book.channel === 'book' && book.symbol === symbol)
        ?.depth ??
      depths.get(symbol) ??
      10,
  })

  const privates = privateSubjects(prefix, options.account ?? DEFAULT_ACCOUNT)
  const relay = new PrivateRelay(nc, privates.data)
  const inner = options.kraken?.transport
  const tap = (endpoint: TransportEndpoint): TransportFactory => {
    const factory = inner?.(endpoint) ?? nodeWebSocket()
    return (context) => {
      const transport = factory(context)
      // Registered before the runtime's own listener: the frame is on NATS
      // before any runtime promise (book(), subscribe()) resolves.
      if (endpoint === 'public')
        transport.on('message', (text) => publisher.onFrame(text))
      else if (endpoint === 'private')
        transport.on('message', (text) => relay.onFrame(text))
      return transport
    }
  }
  kraken = new KrakenWebSocketAPI({
    logger: false,
    ...options.kraken,
    transport: tap,
  })
  const client = kraken
  client.on('error', (error) => report(error))
  const running = client.run([]).catch((error: Error) => report(error))

  const books = new Map<string, LiveBook>()
  const holdBook = async (symbol: string, depth: number) => {
    depths.set(symbol, Math.max(depths.get(symbol) ?? 0, depth))
    const held = books.get(symbol)
    if (held === undefined || held.depth < depth) {
      const book = await client.book(symbol, { depth })
      books.set(symbol, book)
      if (held !== undefined) await held.release()
    }
    await publisher.keptSnapshot(symbol)
  }
  const serve = (frame: DemandFrame) => subscribeDemand(client, frame, holdBook)
  const release = async (frame: DemandFrame) => {
    const symbol = frame.symbols?.[0]
    if (frame.channel === 'book' && symbol !== undefined) {
      const held = books.get(symbol)
      books.delete(symbol)
      await held?.release()
    } else
      await client.unsubscribe({
        method: 'subscribe',
        params: frame.params,
      } as unknown as SubscriptionRequest)
  }

  // With leases, each channel and symbol is served by its lease holder only.
  const wanted = new Map<string, DemandFrame>()
  const leaseOptions =
    options.leases === true
      ? {}
      : options.leases === false
        ? undefined
        : options.leases
  const leases =
    leaseOptions === undefined
      ? undefined
      : await Leases.open(
          nc,
          leaseOptions,
          (key) => {
            const frame = wanted.get(key)
            if (frame !== undefined)
              serve(frame).catch((error: Error) => report(error))
          },
          (key) => {
            const frame = wanted.get(key)
            if (frame !== undefined)
              release(frame).catch((error: Error) => report(error))
          },
        )
  const serveLeased = async (frame: DemandFrame, lease: Leases) => {
    const timeIn = new Date().toISOString()
    const acks = await Promise.all(
      splitDemand(frame).map(async (one) => {
        const key = leaseKey(one)
        wanted.set(key, one)
        if (await lease.want(key)) return serve(one)
        // Another gateway serves it: the data is on the stream all the same.
        return [
          ackFrame('subscribe', timeIn, {
            success: true,
            result: {
              channel: one.channel,
              ...(one.symbols?.[0] === undefined
                ? {}
                : { symbol: one.symbols[0] }),
            },
          }),
        ]
      }),
    )
    return acks.flat()
  }
  const handle = (frame: DemandFrame) =>
    leases === undefined ? serve(frame) : serveLeased(frame, leases)
  const demand = async (frame: string | object) => {
    demands++
    return handle(readDemandFrame(frame))
  }

  const control = controlSubjects(prefix)
  const answer = (msg: Msg, work: () => Promise<unknown>) => {
    work().then(
      (reply) => msg.respond(JSON.stringify(reply)),
      (error: Error) => {
        report(error)
        const refusal =
          error instanceof GatewayRequestError
            ? error.shortMessage
            : 'EGateway:Internal error'
        msg.respond(
          JSON.stringify([
            ackFrame('subscribe', new Date().toISOString(), {
              success: false,
              error: refusal,
            }),
          ]),
        )
      },
    )
  }
  // With leases every gateway sees every demand (each stands by for what it does not own).
  const demandSub = nc.subscribe(control.subscribe, {
    ...(leases === undefined ? { queue: QUEUE } : {}),
    callback: (error, msg) => {
      if (error !== null) return report(error)
      answer(msg, () => demand(msg.string()))
    },
  })
  const tradeSub = nc.subscribe(control.trade, {
    queue: QUEUE,
    callback: (error, msg) => {
      if (error !== null) return report(error)
      tradingRequests++
      relayTrading(client, msg.string()).then((reply) => msg.respond(reply))
    },
  })

  const answerPrivate = createPrivateDemand(
    client,
    options.kraken?.trading?.rateCounter !== false,
    () => relay.replay(),
  )
  const privateSub = nc.subscribe(privates.subscribe, {
    queue: QUEUE,
    callback: (error, msg) => {
      if (error !== null) return report(error)
      answerPrivate(msg.string()).then((reply) =>
        msg.respond(JSON.stringify(reply)),
      )
    },
  })

  // After a NATS outage, messages may be missing: every series gets a new epoch.
  const watching = (async () => {
    for await (const status of nc.status())
      if (status.type === 'reconnect') publisher.restartAll()
  })().catch((error: Error) => report(error))

  for (const frame of configured) {
    const acks = await handle(frame)
    for (const ack of acks)
      if (!ack.success)
        report(
          new GatewayRequestError('Kraken refused a configured subscription.', {
            details: ack.error,
          }),
        )
  }

  let stopping: Promise<void> | undefined
  return {
    prefix,
    kraken: client,
    demand,
    stats: () => ({
      ...publisher.stats,
      publishErrors,
      demands,
      tradingRequests,
      leases: leases?.owned ?? [],
      series: publisher.positions(),
    }),
    stop() {
      stopping ??= (async () => {
        demandSub.unsubscribe()
        tradeSub.unsubscribe()
        privateSub.unsubscribe()
        await leases?.stop()
        await client.stop()
        await running
        if (!nc.isClosed()) await nc.drain().catch(() => undefined)
        await watching
      })()
      return stopping
    },
  }
}
