import { WebSocket } from 'ws'
import { LiveMarketError } from '../../errors.js'
import type { Timers } from '../../server/timers.js'
import type { MarketEvent } from '../market.js'
import type { SymbolMarket, Trade } from '../symbolMarket.js'
import { applyLiveStep, replaceBook } from './liveStep.js'
import { applyTicker, bookLevels, tradeOf } from './upstreamFrames.js'

/** Kraken's public WebSocket v2 feed, the default upstream. */
export const KRAKEN_PUBLIC_WS = 'wss://ws.kraken.com/v2'

/** Options of the live market (`startSimulator({ market: { live } })`). */
export type LiveMarketOptions = {
  /** The upstream public v2 feed. @default KRAKEN_PUBLIC_WS */
  readonly url?: string
  /** The upstream book depth subscribed (10, 25, 100, 500 or 1000). @default 1000 */
  readonly depth?: 10 | 25 | 100 | 500 | 1000
  /** How long (ms) to wait for every book snapshot at start. @default 30_000 */
  readonly readyTimeout?: number
  /** Wait (ms) before reconnecting a lost upstream. @default 1_000 */
  readonly reconnectDelay?: number
}

/** A running upstream mirror. */
export type LiveMarket = {
  /** Resolves once every symbol has its upstream book; rejects with {@link LiveMarketError}. */
  readonly ready: Promise<void>
  /** Upstream connections opened so far (reconnects included). */
  readonly connects: number
  /** Closes the upstream socket and stops reconnecting. */
  close(): void
}

/** What the live market drives. */
export type LiveMarketTarget = {
  readonly markets: ReadonlyMap<string, SymbolMarket>
  /** Publishes one event to local subscribers and the exchange. */
  readonly publish: (event: MarketEvent, market: SymbolMarket) => void
  readonly timers: Timers
  readonly now: () => number
}

type Frame = Record<string, unknown>

/**
 * Mirrors an upstream public feed (Kraken's, or another simulator's) into
 * the simulator's market: book snapshots replace the local book, book
 * updates and trades step it, tickers set its 24h statistics. Everything a
 * local client sees, and every price the exchange fills against, is then
 * the upstream's; the exchange and private channels stay local.
 */
export function startLiveMarket(
  target: LiveMarketTarget,
  options: LiveMarketOptions = {},
): LiveMarket {
  const url = options.url ?? KRAKEN_PUBLIC_WS
  const depth = options.depth ?? 1000
  const symbols = [...target.markets.keys()]
  const waiting = new Set(symbols)
  let socket: WebSocket | undefined
  let closed = false
  let connects = 0
  let live = false
  let settle: { resolve(): void; reject(error: Error): void } | undefined
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // A caller that never awaits `ready` must not see an unhandled rejection.
  ready.catch(() => {})
  const fail = (message: string, cause?: unknown) => {
    settle?.reject(new LiveMarketError(message, { cause }))
    settle = undefined
  }
  const stopTimeout = target.timers.timeout(
    () =>
      fail(
        `No book snapshot from ${url} within ${options.readyTimeout ?? 30_000} ms for ${[...waiting].join(', ')}`,
      ),
    options.readyTimeout ?? 30_000,
  )

  function onBook(frame: Frame, entry: Frame) {
    const market = target.markets.get(String(entry.symbol))
    if (market === undefined) return
    const levels = bookLevels(market, entry)
    let changes = levels
    if (frame.type === 'snapshot') {
      const wanted = {
        bid: new Map<number, number>(),
        ask: new Map<number, number>(),
      }
      for (const level of levels)
        if (level.qty > 0) wanted[level.side].set(level.price, level.qty)
      changes = replaceBook(market, wanted)
      waiting.delete(market.spec.symbol)
      if (waiting.size === 0 && settle !== undefined) {
        stopTimeout()
        live = true
        settle.resolve()
        settle = undefined
      }
    }
    if (changes.length > 0)
      target.publish(applyLiveStep(market, changes, [], target.now()), market)
    // Levels the upstream pushed out of its depth leave ours too.
    trim(market)
  }

  function trim(market: SymbolMarket) {
    for (const side of ['bid', 'ask'] as const) {
      const book = market.book[side]
      if (book.size <= depth) continue
      const gone = book.prices
        .slice(depth)
        .map((price) => ({ side, price, qty: 0 }))
      target.publish(applyLiveStep(market, gone, [], target.now()), market)
    }
  }

  function onTrades(frame: Frame, data: Frame[]) {
    const bySymbol = new Map<SymbolMarket, Trade[]>()
    for (const entry of data) {
      const market = target.markets.get(String(entry.symbol))
      const trade = market === undefined ? undefined : tradeOf(market, entry)
      if (market === undefined || trade === undefined) continue
      bySymbol.set(market, [...(bySymbol.get(market) ?? []), trade])
    }
    for (const [market, trades] of bySymbol) {
      if (frame.type === 'snapshot') {
        // History only: the last trades, without publishing them as new.
        market.trades.splice(0, market.trades.length, ...trades.slice(-50))
        continue
      }
      target.publish(applyLiveStep(market, [], trades, target.now()), market)
    }
  }

  function onMessage(text: string) {
    let frame: Frame
    try {
      frame = JSON.parse(text) as Frame
    } catch {
      return
    }
    if (frame.method === 'subscribe' && frame.success === false) {
      fail(`${url} refused a subscription: ${String(frame.error)}`)
      return
    }
    const data = Array.isArray(frame.data) ? (frame.data as Frame[]) : []
    if (frame.channel === 'book') for (const entry of data) onBook(frame, entry)
    else if (frame.channel === 'trade') onTrades(frame, data)
    else if (frame.channel === 'ticker')
      for (const entry of data) {
        const market = target.markets.get(String(entry.symbol))
        if (market !== undefined) applyTicker(market, entry)
      }
  }

  function connect() {
    if (closed) return
    connects++
    const ws = new WebSocket(url)
    socket = ws
    ws.on('open', () => {
      let reqId = 0
      const subscribe = (params: Frame) =>
        ws.send(
          JSON.stringify({
            method: 'subscribe',
            params: { ...params, symbol: symbols },
            req_id: ++reqId,
          }),
        )
      subscribe({ channel: 'book', depth, snapshot: true })
      subscribe({ channel: 'trade', snapshot: true })
      subscribe({ channel: 'ticker', snapshot: true })
    })
    ws.on('message', (data) => onMessage(String(data)))
    ws.on('error', (error) => {
      if (connects === 1 && settle !== undefined)
        fail(`Cannot reach the live market at ${url}`, error)
    })
    ws.on('close', () => {
      if (socket === ws) socket = undefined
      // A lost upstream comes back with fresh snapshots, which replace the book.
      if (!closed && live)
        target.timers.timeout(connect, options.reconnectDelay ?? 1_000)
    })
  }
  connect()

  return {
    ready,
    get connects() {
      return connects
    },
    close() {
      closed = true
      stopTimeout()
      socket?.terminate()
      fail('The simulator closed before the live market was ready')
    },
  }
}
