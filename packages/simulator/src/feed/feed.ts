import { publishOhlc } from '../channels/ohlc.js'
import { HEARTBEAT_FRAME } from '../channels/status.js'
import { publishTicker } from '../channels/ticker.js'
import { publishTrades } from '../channels/trade.js'
import type { SimulatorContext } from '../context.js'
import type { MarketEvent } from '../market/market.js'
import type { SymbolMarket } from '../market/symbolMarket.js'

/** The live market feed: seeded market steps fanned out to subscribers. */
export type Feed = {
  /** Runs `count` market steps now and publishes what they did. */
  step(count: number): void
  /** Starts the timers: market steps at `rate` per second, and heartbeats. */
  start(): void
  /** Stops the timers. */
  stop(): void
}

/** Options of {@link createFeed}. */
export type FeedOptions = {
  /** Market steps per second over all symbols (0: only manual `step`). */
  readonly rate: number
  /** Timer period (ms) of the market steps. */
  readonly tickInterval: number
  /** Heartbeat period (ms). */
  readonly heartbeatInterval: number
  /** Called after each market step has been published (it moves the exchange's prices). */
  readonly onStep?: (event: MarketEvent, market: SymbolMarket) => void
}

/**
 * Publishes one market event to every channel's subscribers (book, ticker,
 * trade, ohlc, level3), then hands it to `onStep` (the exchange's prices).
 */
export function publishMarketEvent(
  context: SimulatorContext,
  event: MarketEvent,
  symbol: SymbolMarket,
  onStep?: (event: MarketEvent, market: SymbolMarket) => void,
): void {
  const { hub } = context
  // The book feed works out the updates over the book it shows (market and own orders).
  context.book.publishStep(event, symbol)
  publishTicker(event, symbol, hub)
  publishTrades(event, symbol, hub)
  publishOhlc(event, symbol, hub)
  context.level3.publishStep(event, symbol)
  onStep?.(event, symbol)
}

/** Creates the feed over a simulator's market and hub. */
export function createFeed(
  context: SimulatorContext,
  options: FeedOptions,
): Feed {
  const { market, timers } = context
  const stops: (() => void)[] = []
  let owed = 0
  const step = (count: number) => {
    for (let i = 0; i < count; i++) {
      const event = market.step(() => [])
      const symbol = market.symbols.get(event.symbol)
      if (symbol === undefined) continue
      publishMarketEvent(context, event, symbol, options.onStep)
    }
  }
  return {
    step,
    start() {
      if (options.rate > 0 && !context.isReplay)
        stops.push(
          timers.interval(() => {
            // Steps owed accumulate so fractional rates come out right over time.
            owed += (options.rate * options.tickInterval) / 1000
            const count = Math.floor(owed)
            owed -= count
            step(count)
          }, options.tickInterval),
        )
      stops.push(
        timers.interval(() => {
          for (const session of context.sessions)
            if (session.subscriptions.size > 0) session.send(HEARTBEAT_FRAME)
        }, options.heartbeatInterval),
      )
    },
    stop() {
      for (const stop of stops.splice(0)) stop()
    },
  }
}
