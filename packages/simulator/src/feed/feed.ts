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

/** Creates the feed over a simulator's market and hub. */
export function createFeed(
  context: SimulatorContext,
  options: FeedOptions,
): Feed {
  const { market, hub, timers } = context
  const stops: (() => void)[] = []
  let owed = 0
  const step = (count: number) => {
    for (let i = 0; i < count; i++) {
      // The book feed works out the updates over the book it shows (market and own orders).
      const event = market.step(() => [])
      const symbol = market.symbols.get(event.symbol)
      if (symbol === undefined) continue
      context.book.publishStep(event, symbol)
      publishTicker(event, symbol, hub)
      publishTrades(event, symbol, hub)
      publishOhlc(event, symbol, hub)
      context.level3.publishStep(event, symbol)
      options.onStep?.(event, symbol)
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
