import type { WebSocket } from 'ws'
import { DEFAULT_TEST_CREDENTIALS } from './auth/testCredentials.js'
import { bookChannel } from './channels/book.js'
import { createBookFeed } from './channels/bookFeed.js'
import { heartbeatChannel } from './channels/heartbeat.js'
import { instrumentChannel } from './channels/instrument.js'
import { LEVEL3_DEPTHS, level3Channel, level3Topic } from './channels/level3.js'
import { createLevel3Feed } from './channels/level3Book.js'
import { ohlcChannel } from './channels/ohlc.js'
import { nextConnectionId, statusFrame } from './channels/status.js'
import { tickerChannel } from './channels/ticker.js'
import { tradeChannel } from './channels/trade.js'
import type { ChannelDefinition } from './channels/types.js'
import { simulatorClientOptions } from './clientOptions.js'
import type { SimulatorContext } from './context.js'
import { SimulatorClosedError } from './errors.js'
import { applyFault, type Refusals } from './faults/inject.js'
import { type Fault, noFaults } from './faults/types.js'
import { createFeed, publishMarketEvent } from './feed/feed.js'
import { DEFAULT_ASSETS, DEFAULT_PAIRS } from './market/instruments.js'
import { startLiveMarket } from './market/live/liveMarket.js'
import {
  liveMarketOptions,
  tapeMarketOptions,
} from './market/live/marketOption.js'
import { startTapeMarket } from './market/live/tapeMarket.js'
import type { MarketEvent } from './market/market.js'
import { createMarket } from './market/market.js'
import { createPrng } from './market/prng.js'
import type { SymbolMarket } from './market/symbolMarket.js'
import { pingMethod } from './methods/ping.js'
import { subscribeMethod, unsubscribeMethod } from './methods/subscribe.js'
import type { MethodDefinition } from './methods/types.js'
import { defaultCompatibility, type SimulatorOptions } from './options.js'
import { openPaperAccount } from './paper/paperAccount.js'
import { createPrivateServices } from './private/privateServices.js'
import { showOwnOrders } from './private/showOwnOrders.js'
import { DEFAULT_ACCOUNT } from './private/tokenAuth.js'
import { openRecording } from './recording/recordOption.js'
import { loadAnyReplaySource } from './replay/loadAnyReplaySource.js'
import { createReplayStarter } from './replay/replayStarter.js'
import { createKrakenRest } from './rest/krakenRest.js'
import { createEndpoints, type Endpoint } from './server/endpoints.js'
import { listen } from './server/httpServer.js'
import { RestRouter } from './server/restRouter.js'
import { createTimers } from './server/timers.js'
import { Hub } from './session/hub.js'
import { watchIdle } from './session/idleClose.js'
import { Session } from './session/session.js'
import type { SessionHandle } from './session/types.js'
import type { Simulator } from './simulator.js'
import { createStats } from './stats/stats.js'

const defaultMethods: Readonly<Record<string, MethodDefinition>> = {
  ping: pingMethod,
  subscribe: subscribeMethod,
  unsubscribe: unsubscribeMethod,
}

const defaultChannels: readonly ChannelDefinition[] = [
  tickerChannel,
  bookChannel,
  tradeChannel,
  ohlcChannel,
  instrumentChannel,
  level3Channel,
]

/**
 * Starts a local Kraken Spot WebSocket API v2 server: seeded market data on
 * loopback, Kraken's envelopes and errors, a signed `GetWebSocketsToken`,
 * trading and private channels on a simulated exchange, recording and
 * replay, and fault injection.
 *
 * @example
 * ```ts
 * import { startSimulator } from '@kraken-sockets/simulator'
 *
 * const simulator = await startSimulator({ seed: 42 })
 * // new KrakenWebSocketAPI(simulator.clientOptions()) talks to it;
 * // or connect a client to simulator.publicUrl, subscribe; fetch a token from
 * // simulator.restUrl (DEFAULT_TEST_CREDENTIALS) and trade on simulator.privateUrl
 * simulator.inject({ type: 'drop' })
 * console.log(simulator.stats.subscribes('book', 'BTC/USD'))
 * await simulator.close()
 * ```
 */
export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<Simulator> {
  const seed = options.seed ?? 1
  const now = options.now ?? (() => Date.now())
  const pairs = options.pairs ?? DEFAULT_PAIRS
  const compatibility = { ...defaultCompatibility, ...options.compatibility }
  const idleTimeout = options.idleTimeout ?? false
  if (
    idleTimeout !== false &&
    !(Number.isFinite(idleTimeout) && idleTimeout > 0)
  )
    throw new RangeError(
      `idleTimeout must be a positive number of ms or false, not ${idleTimeout}`,
    )
  const liveOptions = liveMarketOptions(options.market)
  const tapeOptions = tapeMarketOptions(options.market)
  const paper =
    options.paperAccount === undefined
      ? undefined
      : openPaperAccount(options.paperAccount)
  const replaySource =
    options.replay === undefined
      ? undefined
      : await loadAnyReplaySource(options.replay)
  const channels = new Map<string, ChannelDefinition>()
  for (const channel of [
    ...defaultChannels,
    ...(compatibility.heartbeatSubscription === 'accept'
      ? [heartbeatChannel]
      : []),
    ...(options.channels ?? []),
  ])
    channels.set(channel.name, channel)
  const methods = new Map(
    Object.entries({ ...defaultMethods, ...options.methods }),
  )
  const sessions = new Map<string, Session>()
  const sessionSet = new Set<Session>()
  const timers = createTimers()
  const stats = createStats()
  const idPrng = createPrng(seed).fork('connections')
  const replay =
    replaySource === undefined || options.replay === undefined
      ? undefined
      : createReplayStarter(replaySource, options.replay, timers)
  const startReplay = (session: SessionHandle) => {
    const live = sessions.get(session.id)
    if (live !== undefined) replay?.(live)
  }
  const recording =
    options.record === undefined
      ? undefined
      : openRecording(options.record, now)
  const {
    auth: tokenAuth,
    engine,
    connectionHandler: privateHandler,
  } = createPrivateServices(
    paper?.balances === undefined
      ? options
      : { ...options, balances: paper.balances },
    { seed, now, pairs, timers },
  )

  const hub: SimulatorContext['hub'] = new Hub()
  const market = createMarket(pairs, seed, now)
  const ownOrders = (symbol: string) => engine.exchange.restingOrders(symbol)
  // Where a client watches a symbol's level3 queues, paper orders hold a
  // place in them; elsewhere the L2 model fills them.
  engine.modelQueues((symbol) =>
    LEVEL3_DEPTHS.some((depth) => hub.has(level3Topic(symbol, depth))),
  )
  const context: SimulatorContext = {
    market,
    pairs: new Map(pairs.map((pair) => [pair.symbol, pair])),
    assets: options.assets ?? DEFAULT_ASSETS,
    hub,
    book: createBookFeed(hub, market.symbols.values(), ownOrders),
    level3: createLevel3Feed(hub, ownOrders),
    channels,
    methods,
    sessions: sessionSet,
    auth: tokenAuth.hook,
    timers,
    stats,
    now,
    compatibility,
    globalFaults: noFaults(),
    system: options.system ?? 'online',
    isReplay: replaySource !== undefined,
    onSubscribed: (session) => {
      if (options.replay?.start !== 'connect') startReplay(session)
    },
    ...(recording === undefined ? {} : { recorder: recording.recorder }),
  }
  engine.seedQuotes(context.market.symbols.values())
  const stopOwnOrders = showOwnOrders(context, engine.exchange)
  engine.exchange.setSystemStatus(context.system)
  const refusals: Refusals = { count: 0, status: 503 }
  const targets = { context, sessions, refusals }
  const router = new RestRouter()
  router.add(tokenAuth.route)
  const krakenRest = createKrakenRest({
    markets: () => context.market.symbols,
    pairs,
    assets: context.assets,
    now,
    system: () => context.system,
    fees: options.fees,
    exchange: engine.exchange,
    credentials: tokenAuth.credentials,
    nonces: tokenAuth.nonces,
    accountId: DEFAULT_ACCOUNT,
  })
  for (const route of krakenRest.routes) router.add(route)
  for (const route of options.rest ?? []) router.add(route)

  const onConnection = (socket: WebSocket, endpoint: Endpoint) => {
    let id = nextConnectionId(idPrng)
    while (sessions.has(id)) id = nextConnectionId(idPrng)
    const session = new Session(socket, endpoint, id, context)
    sessions.set(id, session)
    sessionSet.add(session)
    stats.openConnection(session.record)
    session.onClose(() => {
      sessions.delete(id)
      sessionSet.delete(session)
    })
    for (const factory of [
      ...(options.connectionHandlers ?? []),
      privateHandler,
    ]) {
      const handler = factory(session)
      if (handler !== undefined) session.handlers.push(handler)
    }
    if (idleTimeout !== false)
      socket.on('message', watchIdle(session, timers, idleTimeout))
    session.send(statusFrame(context.system, id, compatibility))
    if (options.replay?.start === 'connect') startReplay(session)
  }

  const server = await listen({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    endpoints: createEndpoints(options.level3Host ?? 'l3'),
    router,
    refuse: () => {
      if (refusals.count === 0) return undefined
      refusals.count--
      stats.recordRefusal()
      return refusals.status
    },
    onConnection,
  })
  const feed = createFeed(context, {
    // A live or taped market moves with its upstream or tape only.
    rate:
      liveOptions === undefined && tapeOptions === undefined
        ? (options.rate ?? 20)
        : 0,
    tickInterval: options.tickInterval ?? 10,
    heartbeatInterval: options.heartbeatInterval ?? 1_000,
    onStep: engine.onMarketStep,
  })
  feed.start()
  paper?.track(engine.exchange, DEFAULT_ACCOUNT)
  const mirrorTarget = {
    markets: context.market.symbols,
    publish: (event: MarketEvent, symbol: SymbolMarket) =>
      publishMarketEvent(context, event, symbol, engine.onMarketStep),
    timers,
    now,
  }
  const live =
    liveOptions !== undefined
      ? startLiveMarket(mirrorTarget, liveOptions)
      : tapeOptions !== undefined
        ? startTapeMarket(mirrorTarget, tapeOptions)
        : undefined
  const apply = (fault: Fault) => {
    applyFault(fault, targets)
    // The engine follows the system status: maintenance refuses orders, etc.
    if (fault.type === 'status' && fault.connection === undefined)
      engine.exchange.setSystemStatus(fault.system)
  }
  const inject = (fault: Fault) => {
    if (fault.after !== undefined && fault.after > 0)
      timers.timeout(() => apply(fault), fault.after)
    else apply(fault)
  }
  for (const fault of options.faults ?? []) inject(fault)

  const base = `${server.host}:${server.port}`
  const level3Path = options.level3Host === 'auth' ? '/ws-auth/v2' : '/ws-l3/v2'
  let closing: Promise<void> | undefined
  const urls = {
    publicUrl: `ws://${base}/v2`,
    privateUrl: `ws://${base}/ws-auth/v2`,
    level3Url: `ws://${base}${level3Path}`,
    restUrl: `http://${base}`,
  }
  const simulator: Simulator = {
    ...urls,
    clientOptions: () =>
      simulatorClientOptions(urls, {
        apiKey: options.apiKey ?? DEFAULT_TEST_CREDENTIALS.apiKey,
        privateKey: options.privateKey ?? DEFAULT_TEST_CREDENTIALS.privateKey,
      }),
    port: server.port,
    stats,
    get system() {
      return context.system
    },
    inject,
    step: (count = 1) => feed.step(count),
    publish: (topic, frame) => context.hub.publish(topic, frame),
    waitForRequest: (filter) => stats.waitForRequest(filter),
    route: (route) => router.add(route),
    connections: () => [...sessionSet],
    exchange: engine.exchange,
    issueToken: () => tokenAuth.issueToken(),
    get activeTimers() {
      return timers.active
    },
    close() {
      closing ??= (async () => {
        feed.stop()
        live?.close()
        stopOwnOrders()
        engine.exchange.close()
        krakenRest.close()
        timers.clear()
        stats.cancelWaits(new SimulatorClosedError())
        const sessionsClosed = [...sessionSet].map((session) => session.closed)
        await server.close()
        await Promise.all(sessionsClosed)
        timers.clear()
        await recording?.close()
        await paper?.close()
      })()
      return closing
    },
  }
  if (live !== undefined)
    await live.ready.catch(async (error: unknown) => {
      await simulator.close()
      throw error
    })
  return simulator
}
