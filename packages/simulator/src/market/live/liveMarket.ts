import { WebSocket } from 'ws'
import { LiveMarketError } from '../../errors.js'
import type { Timers } from '../../server/timers.js'
import { createMarketMirror, type MirrorTarget } from './marketMirror.js'

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
export type LiveMarketTarget = MirrorTarget & {
  readonly timers: Timers
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

  const onMessage = createMarketMirror(target, {
    depth,
    onSnapshot: (symbol) => {
      waiting.delete(symbol)
      if (waiting.size === 0 && settle !== undefined) {
        stopTimeout()
        live = true
        settle.resolve()
        settle = undefined
      }
    },
    onRefused: (error) => fail(`${url} refused a subscription: ${error}`),
  })

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
