import {
  CancelAllOrdersAfterRequest,
  RATE_TIERS,
  transactionCost,
} from '@kraken-sockets/schema'
import {
  createEventEmitter,
  type EventEmitter,
  ReconnectExhaustedError,
  type TransportEndpoint,
} from '@kraken-sockets/transport'
import { BookManager } from '../books/bookManager.js'
import type { Connection } from '../connections/connection.js'
import {
  type ConnectionPool,
  createConnectionPool,
} from '../connections/connectionPool.js'
import { ListenerError } from '../errors.js'
import { createLogger, type Logger } from '../shared/logger.js'
import { createTaskGroup, type TaskGroup } from '../shared/taskGroup.js'
import { noAssetLookup, restAssetLookup } from '../state/restAssets.js'
import { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import {
  createDeadMansSwitchSlot,
  type DeadMansSwitchSlot,
} from '../trading/deadMansSwitchSlot.js'
import { DeadMansSwitchError } from '../trading/errors.js'
import { maintenanceStart } from '../trading/maintenanceNotice.js'
import { TradingDesk } from '../trading/tradingDesk.js'
import { TradingRequests } from '../trading/tradingRequests.js'
import {
  createTriggerRegistry,
  type TriggerRegistry,
} from '../triggers/triggerRegistry.js'
import { type ClientState, createClientState } from './clientState.js'
import { reconnectingLine } from './connectionLog.js'
import type { KrakenEventMap } from './events.js'
import { createFrameRouter, type FrameCounters } from './frameRouter.js'
import { type KrakenWebSocketAPIOptions, resolveOptions } from './options.js'
import { registerRuntimeConsumers } from './runtimeConsumers.js'
import { createSystemStatus, type SystemStatus } from './systemStatus.js'

/** Counters `stats()` reads besides the frame router's. */
export interface ClientCounters extends FrameCounters {
  readonly reconnects: Record<TransportEndpoint, number>
  resyncs: number
}

/** The parts of a client, wired together; the class is their facade. */
export interface ClientCore {
  readonly logger: Logger
  readonly events: EventEmitter<KrakenEventMap>
  readonly triggers: TriggerRegistry<Connection>
  readonly tasks: TaskGroup
  readonly pool: ConnectionPool
  readonly subscriptions: SubscriptionManager
  readonly books: BookManager
  readonly desk: TradingDesk
  readonly systems: SystemStatus
  readonly deadMansSwitch: DeadMansSwitchSlot
  readonly counters: ClientCounters
  /** Tickers, balances and instruments kept for the user. */
  readonly state: ClientState
  /** Values a handler's queue holds (`options.queueSize`). */
  readonly queueSize: number
  readonly reportError: (error: KrakenEventMap['error']) => void
  /** Closes the `record` option's recorder (if any); a failure is logged, never thrown. */
  readonly closeRecording: () => Promise<void>
  /** Calls `listener` when a socket gives up reconnecting (`reconnect.attempts`). */
  readonly onGiveUp: (
    listener: (error: ReconnectExhaustedError) => void,
  ) => void
}

/**
 * Resolves `options` and wires the client's parts: each socket's frames go
 * through the router; opens replay subscriptions, losses mark them pending;
 * `status` frames drive maintenance handling.
 */
export function createClientCore(
  options: KrakenWebSocketAPIOptions,
): ClientCore {
  const resolved = resolveOptions(options)
  const logger = createLogger({
    level: options.logger === false ? false : (options.logLevel ?? 'info'),
    ...(typeof options.logger === 'function' ? { sink: options.logger } : {}),
  })
  for (const secret of resolved.secrets) logger.addSecret(secret)
  const events = createEventEmitter<KrakenEventMap>({
    unreported: (error) => logger.log(describeError(error), 'error'),
  })
  const reportError = (error: KrakenEventMap['error']) =>
    events.emit('error', error)
  const counters: ClientCounters = {
    frames: 0,
    decodeErrors: 0,
    channels: new Map(),
    reconnects: { public: 0, private: 0, level3: 0 },
    resyncs: 0,
  }
  const triggers = createTriggerRegistry<Connection>({
    queueSize: resolved.queueSize,
    onError: reportError,
    onGap: (gap) => events.emit('gap', gap),
  })
  const tasks = createTaskGroup({ onError: reportError })
  let giveUp: ((error: ReconnectExhaustedError) => void) | undefined
  const pool = createConnectionPool({
    urls: resolved.urls,
    transport: resolved.transport,
    budget: resolved.budget,
    staleAfter: resolved.staleAfter,
    getToken: resolved.getToken,
    onToken: (token) => logger.addSecret(token),
    hooks: {
      onMessage: (connection, text) => route(connection, text),
      onOpen: (connection, event) => onOpen(connection, event.isReconnect),
      onStatus: (connection, event) => {
        events.emit('connection', event)
        if (event.status === 'reconnecting') {
          logger.log(reconnectingLine(event), 'warning')
        }
        if (event.status === 'reconnecting' || event.status === 'closed') {
          onSocketLost(connection)
        }
      },
      onError: (_connection, error) => {
        reportError(error)
        if (error instanceof ReconnectExhaustedError) giveUp?.(error)
      },
      onPong: (connection, latency) => {
        if (connection.endpoint === 'private') desk.onPong(latency)
      },
    },
  })
  const subscriptions: SubscriptionManager = new SubscriptionManager({
    pool,
    timeout: resolved.requestTimeout,
    logger,
    reportError,
    silenceWindows: resolved.silenceWindows,
    // `books` is created next; this runs only once frames flow.
    isSyncing: (channel: string, symbol: string | undefined): boolean =>
      books.isSyncing(channel, symbol),
    onHealth: (event) => {
      if (event.type !== 'resubscribed')
        logger.log(`Subscription ${event.type}.`, 'warning', {
          channel: event.channel,
          symbol: event.symbol,
        })
      events.emit('subscription', event)
    },
  })
  const books: BookManager = new BookManager({
    subscriptions,
    logger,
    resyncLimit: resolved.bookResyncLimit,
    timeout: resolved.requestTimeout * 2,
    emit: (event) => {
      if (event.state === 'resyncing') counters.resyncs++
      events.emit('book', event)
    },
    reportError,
  })
  const systems = createSystemStatus({
    logger,
    setMinReconnectDelay: (ms) => pool.setMinReconnectDelay(ms),
    emit: (event) => events.emit('status', event),
  })
  const desk = new TradingDesk({
    options: resolved.trading,
    sender: new TradingRequests({
      pool,
      timeout: resolved.requestTimeout,
      logger,
      quietWindow: resolved.trading.quietWindow,
    }),
    subscriptions,
    logger,
    timeout: resolved.requestTimeout,
    systemStatus: () => systems.get('private'),
    onOrderEvent: (event) => events.emit('order', event),
    onGap: (gap) => events.emit('gap', gap),
    onListenerError: (cause) =>
      reportError(new ListenerError({ event: 'order', cause })),
    rateModel: { cost: transactionCost, tiers: Object.values(RATE_TIERS) },
    rest: resolved.rest,
  })
  const deadMansSwitch = createDeadMansSwitchSlot({
    send: (timeout) => desk.send(CancelAllOrdersAfterRequest({ timeout })),
    onError: (cause, timeout) =>
      reportError(new DeadMansSwitchError({ timeout, cause })),
  })
  registerRuntimeConsumers(triggers, {
    books,
    desk,
    onData: (channel, value) => subscriptions.dataArrived(channel, value),
    onStatus: (connection, value) => {
      const startsAt = maintenanceStart(value.upcoming_maintenance, Date.now())
      if (startsAt !== undefined) deadMansSwitch.scheduleMaintenance(startsAt)
      systems.apply(connection.endpoint, value)
    },
  })
  const state = createClientState({
    triggers,
    subscriptions,
    lookupAssets:
      resolved.hintRestUrl === undefined
        ? noAssetLookup
        : restAssetLookup(resolved.hintRestUrl, resolved.requestTimeout),
    timeout: resolved.requestTimeout,
    logger,
  })
  const route = createFrameRouter({
    triggers,
    counters,
    onDecodeFailure: reportError,
  })

  function onOpen(connection: Connection, isReconnect: boolean): void {
    logger.log('Socket open.', 'info', {
      endpoint: connection.endpoint,
      reconnect: isReconnect,
    })
    if (connection.endpoint === 'private') desk.onPrivateOpen()
    if (isReconnect) {
      counters.reconnects[connection.endpoint]++
      const gap = subscriptions.reconnectGap(connection.endpoint)
      if (gap !== undefined) events.emit('gap', gap)
    }
    subscriptions.replay(connection)
  }

  function onSocketLost(connection: Connection): void {
    connection.abandonAll()
    subscriptions.socketLost(connection.endpoint)
    books.socketLost(connection.endpoint)
  }

  return {
    logger,
    events,
    triggers,
    tasks,
    pool,
    subscriptions,
    books,
    desk,
    systems,
    deadMansSwitch,
    counters,
    state,
    queueSize: resolved.queueSize,
    reportError,
    closeRecording: async () => {
      try {
        await resolved.record?.close()
      } catch (error) {
        logger.log(
          `The session recording could not be closed: ${describeError(error)}`,
          'error',
        )
      }
    },
    onGiveUp: (listener) => {
      giveUp = listener
    },
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
