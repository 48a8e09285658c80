import { applyChanges, type DepthUpdate, type LevelChange } from './bookDiff.js'
import type { PairSpec } from './instruments.js'
import { drift, quote, recordTrade, replenish, trade } from './moves.js'
import type { OrderEvent } from './orderQueues.js'
import { createPrng } from './prng.js'
import {
  createSymbolMarket,
  type SymbolMarket,
  type Trade,
} from './symbolMarket.js'

/** What one market step did to one symbol. */
export type MarketEvent = {
  readonly symbol: string
  /** When the step happened (ms, on the simulator clock). */
  readonly time: number
  /** The book update per depth `depthsFor` named (empty sides are possible). */
  readonly updates: Map<number, DepthUpdate>
  /** The level changes of this step, in order (integer units; qty 0 removes a level). */
  readonly changes: readonly LevelChange[]
  /** Trades of this step, in order (empty for a quote-only step). */
  readonly trades: readonly Trade[]
  /** Whether the best bid or ask (price or qty) changed. */
  readonly bboChanged: boolean
  /** Order events (level3) per changed level, keyed by `levelKey`. */
  readonly orderEvents: Map<string, OrderEvent[]>
}

/** The simulated market: every symbol's book, trades and statistics. */
export type Market = {
  /** Each symbol's live state, keyed by symbol such as `BTC/USD`. */
  readonly symbols: ReadonlyMap<string, SymbolMarket>
  /**
   * Advances one seeded random step on one symbol. `depthsFor` names the
   * book depths that need an update for a symbol (the subscribed ones).
   */
  step(depthsFor: (symbol: string) => readonly number[]): MarketEvent
}

/**
 * Creates a market over `pairs` whose prices follow a seeded random walk:
 * quotes come and go, takers trade against the best levels, the mid drifts.
 */
export function createMarket(
  pairs: readonly PairSpec[],
  seed: string | number,
  now: () => number,
): Market {
  const root = createPrng(seed)
  const symbols = new Map<string, SymbolMarket>()
  for (const spec of pairs)
    symbols.set(
      spec.symbol,
      createSymbolMarket(spec, root.fork(`init:${spec.symbol}`), now()),
    )
  const prng = root.fork('steps')
  const list = [...symbols.values()]
  if (list.length === 0)
    throw new RangeError('The market needs at least one pair')

  return {
    symbols,
    step(depthsFor) {
      const market =
        list[prng.int(0, list.length - 1)] ?? (list[0] as SymbolMarket)
      const time = now()
      const { bid, ask } = market.book
      const bbo = `${bid.best}:${bid.qty.get(bid.best ?? 0)}:${ask.best}:${ask.qty.get(ask.best ?? 0)}`
      const changes: LevelChange[] = []
      const trades: Trade[] = []
      const roll = prng.next()
      if (roll < 0.55) quote(market, prng, changes)
      else if (roll < 0.85) trade(market, prng, time, changes, trades)
      else drift(market, prng, changes)
      replenish(market, prng, changes)
      const orderEvents = market.orders.apply(changes, time)
      const updates = applyChanges(
        market.book,
        changes,
        depthsFor(market.spec.symbol),
      )
      for (const done of trades) recordTrade(market, done)
      const after = `${bid.best}:${bid.qty.get(bid.best ?? 0)}:${ask.best}:${ask.qty.get(ask.best ?? 0)}`
      return {
        symbol: market.spec.symbol,
        time,
        updates,
        changes,
        trades,
        bboChanged: after !== bbo,
        orderEvents,
      }
    },
  }
}
