import {
  type Alert,
  type AlertEngine,
  createAlertEngine,
  createMarketFeed,
  type MarketFeed,
} from '@kraken-sockets/indicators'
import {
  BalancesSnapshotResponse,
  BalancesSubscriptionRequest,
  BalancesUpdateResponse,
  ExecutionsUpdateResponse,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
  type LiveBook,
  TickerSnapshotResponse,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
  TradesSubscriptionRequest,
  TradesUpdateResponse,
} from '@kraken-sockets/runtime'
import { DeskConfigError } from './errors.js'
import { createEventLog, type EventLog } from './events/eventLog.js'
import { createIdempotencyCache, type IdempotencyCache } from './idempotency.js'
import {
  type DeskMode,
  type RiskPolicy,
  resolveRiskPolicy,
} from './risk/policy.js'
import { createRiskGate, type RiskGate } from './risk/riskGate.js'

/** Options of {@link createDesk}. */
export interface DeskOptions {
  /**
   * Where orders go (see {@link DeskMode}). `paper` needs a loopback venue
   * (the embedded simulator): the desk refuses to start in paper mode on
   * any other private URL. @default 'paper'
   */
  readonly mode?: DeskMode | undefined
  /** Options of the desk's `KrakenWebSocketAPI` (URLs, keys, WebSocket). */
  readonly kraken?: KrakenWebSocketAPIOptions | undefined
  /** Risk limits; unset fields take {@link DEFAULT_RISK_POLICY}. */
  readonly risk?: Partial<RiskPolicy> | undefined
  /** How long an order call waits for Kraken's answer (ms). @default 10_000 */
  readonly orderTimeout?: number | undefined
  /** Book depth kept per allowed symbol. @default 10 */
  readonly bookDepth?: 10 | 25 | 100 | 500 | 1000 | undefined
  /** Events kept for `Last-Event-ID` resumption. @default 1000 */
  readonly replayCapacity?: number | undefined
  /** Subscribe `balances` at start (needs keys). @default true */
  readonly balances?: boolean | undefined
}

/** Everything the catalogue's operations work on: one client and the desk's state. */
export interface Desk {
  readonly kraken: KrakenWebSocketAPI
  readonly mode: DeskMode
  readonly risk: RiskGate
  readonly orderTimeout: number
  /** Latest ticker per symbol. */
  readonly tickers: ReadonlyMap<string, unknown>
  /** Latest balance per asset. */
  readonly balances: ReadonlyMap<string, unknown>
  /** The verified books of the allowed symbols. */
  readonly books: ReadonlyMap<string, LiveBook>
  readonly feed: MarketFeed
  readonly alerts: AlertEngine
  /** Alerts fired, newest last (the last 200). */
  readonly recentAlerts: readonly Alert[]
  /** Names of the series the feed publishes (for `indicators`). */
  readonly series: Set<string>
  readonly events: EventLog
  readonly idempotency: IdempotencyCache
  /** The mid of a symbol's verified book, `undefined` while out of sync. */
  mid(symbol: string): number | undefined
  /** Subscribes the market data and opens the books; resolves once they are in sync. */
  start(): Promise<void>
  /** Stops the client. */
  stop(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

function checkPaperVenue(options: KrakenWebSocketAPIOptions): void {
  const url = options.privateUrl
  const host = url === undefined ? undefined : new URL(url).hostname
  if (host === undefined || !LOOPBACK.has(host)) {
    throw new DeskConfigError('Paper mode needs a loopback paper venue.', {
      details: `privateUrl is ${url === undefined ? 'unset (Kraken)' : host}; point the client at the simulator, or choose mode "validate" or "live" explicitly.`,
    })
  }
}

/**
 * Creates a desk around a new `KrakenWebSocketAPI`: the latest tickers and
 * balances, verified books of the allowed symbols, an indicator feed and an
 * alert engine, an event log for streaming, and the risk gate every order
 * passes. Call `start()` before use.
 * @throws {DeskConfigError} for paper mode on a non-loopback venue or an unusable risk policy.
 */
export function createDesk(options: DeskOptions = {}): Desk {
  const mode = options.mode ?? 'paper'
  const krakenOptions = options.kraken ?? {}
  if (mode === 'paper') checkPaperVenue(krakenOptions)
  const policy = resolveRiskPolicy(options.risk)
  const kraken = new KrakenWebSocketAPI(krakenOptions)
  const events = createEventLog(options.replayCapacity ?? 1_000)
  const tickers = new Map<string, unknown>()
  const balances = new Map<string, unknown>()
  const books = new Map<string, LiveBook>()
  const recentAlerts: Alert[] = []
  const series = new Set<string>()
  const alerts = createAlertEngine({
    onAlert: (alert) => {
      recentAlerts.push(alert)
      if (recentAlerts.length > 200) recentAlerts.shift()
      events.push('alert', alert)
    },
  })
  const feed = createMarketFeed({ sink: alerts })
  const depth = options.bookDepth ?? 10

  const mid = (symbol: string): number | undefined => {
    const book = books.get(symbol)
    if (book === undefined || !book.inSync) return undefined
    const bid = book.bestBid?.price
    const ask = book.bestAsk?.price
    return bid === undefined || ask === undefined ? undefined : (bid + ask) / 2
  }

  const onTicker = (value: { symbol: string }) => {
    tickers.set(value.symbol, value)
    feed.handle(value)
    events.push('ticker', value)
  }
  kraken.trigger(TickerSnapshotResponse, onTicker)
  kraken.trigger(TickerUpdateResponse, onTicker)
  kraken.trigger(TradesUpdateResponse, (value) => {
    feed.handle(value)
    events.push('trade', value)
  })
  kraken.trigger(ExecutionsUpdateResponse, (value) => {
    events.push('execution', value)
  })
  const onBalances = (value: { balances: readonly { asset: string }[] }) => {
    for (const balance of value.balances) balances.set(balance.asset, balance)
  }
  kraken.trigger(BalancesSnapshotResponse, onBalances)
  kraken.trigger(BalancesUpdateResponse, onBalances)
  kraken.on('connection', (event) => {
    events.push('connection', event)
  })
  kraken.on('book', (event) => {
    events.push('connection', {
      book: event.symbol,
      state: event.state,
      reason: event.reason,
    })
  })

  const lastTop = new Map<string, string>()
  const publishTop = (book: LiveBook) => {
    const top = {
      symbol: book.symbol,
      bid: book.bestBid?.price,
      bid_qty: book.bestBid?.qty,
      ask: book.bestAsk?.price,
      ask_qty: book.bestAsk?.qty,
      in_sync: book.inSync,
    }
    const key = JSON.stringify(top)
    if (lastTop.get(book.symbol) === key) return
    lastTop.set(book.symbol, key)
    events.push('book_top', top)
  }

  return {
    kraken,
    mode,
    risk: createRiskGate(policy, mode),
    orderTimeout: options.orderTimeout ?? 10_000,
    tickers,
    balances,
    books,
    feed,
    alerts,
    recentAlerts,
    series,
    events,
    idempotency: createIdempotencyCache(),
    mid,
    async start() {
      const symbols = [...policy.symbols]
      await kraken.subscribe(TickerSubscriptionRequest(symbols))
      await kraken.subscribe(TradesSubscriptionRequest(symbols))
      for (const symbol of symbols) {
        const book = await kraken.book(symbol, { depth })
        books.set(symbol, book)
        feed.trackBook({ name: `${symbol}:book`, symbol, book })
        for (const name of [
          'mid',
          'spread',
          'spreadBps',
          'microprice',
          'imbalance',
        ]) {
          series.add(`${symbol}:book.${name}`)
        }
        for (const field of ['last', 'bid', 'ask'] as const) {
          const name = `${symbol}:${field}`
          feed.track({ name, symbol, channel: 'ticker', field })
          series.add(name)
        }
        publishTop(book)
      }
      // Book features and tops follow the book: read it after each book
      // value, once the runtime has applied it (a microtask later).
      kraken.onFrame((item) => {
        if (item.kind !== 'response') return
        const value = item.value as { channel?: string; symbol?: string }
        if (value.channel !== 'book' || value.symbol === undefined) return
        const book = books.get(value.symbol)
        if (book === undefined) return
        queueMicrotask(() => {
          feed.handle(value)
          publishTop(book)
        })
      })
      if (options.balances !== false) {
        await kraken.subscribe(BalancesSubscriptionRequest())
      }
    },
    stop() {
      return kraken.stop()
    },
  }
}
