import {
  createRateCounter,
  PAIR_STATUSES,
  type RateTier,
  type RateTierLimits,
} from '@kraken-sockets/schema'
import type { Fees } from '../exchange/context.js'
import { createExchange } from '../exchange/exchange.js'
import type { Exchange } from '../exchange/exchangeTypes.js'
import type { Scheduler } from '../exchange/time.js'
import type { ExchangePair, PairStatus } from '../exchange/types.js'
import { formatUnits } from '../market/decimal.js'
import type { AssetSpec, PairSpec } from '../market/instruments.js'
import type { MarketEvent } from '../market/market.js'
import type { SymbolMarket } from '../market/symbolMarket.js'

/** Opening balances of every simulated account, unless `balances` is given. */
export const DEFAULT_BALANCES: Readonly<Record<string, number>> = Object.freeze(
  {
    USD: 1_000_000,
    EUR: 1_000_000,
    BTC: 10,
    ETH: 200,
    SOL: 5_000,
    XRP: 1_000_000,
    ALGO: 1_000_000,
    MATIC: 1_000_000,
  },
)

/** The trading rate-limit tier of the simulator unless `rateTier` is given. */
export const DEFAULT_RATE_TIER: RateTier = 'starter'

// Schema owns the list of pair statuses; a spec's unknown status is dropped.
const KNOWN_PAIR_STATUSES: ReadonlySet<string> = new Set(PAIR_STATUSES)

/** A market pair as the exchange engine reads it (numbers, not decimal text). */
export function toExchangePair(spec: PairSpec): ExchangePair {
  return {
    symbol: spec.symbol,
    base: spec.base,
    quote: spec.quote,
    ...(spec.status !== undefined && KNOWN_PAIR_STATUSES.has(spec.status)
      ? { status: spec.status as PairStatus }
      : {}),
    qty_precision: spec.qty_precision,
    qty_increment: Number(spec.qty_increment),
    qty_min: Number(spec.qty_min),
    price_precision: spec.price_precision,
    price_increment: Number(spec.price_increment),
    cost_precision: spec.cost_precision,
    cost_min: Number(spec.cost_min),
  }
}

/** Options of {@link createTradingEngine}. */
export type TradingEngineOptions = {
  readonly pairs: readonly PairSpec[]
  readonly assets: readonly AssetSpec[]
  readonly seed: string | number
  readonly now: () => number
  readonly scheduler: Scheduler
  readonly balances?: Readonly<Record<string, number>>
  readonly rateTier?: RateTier | RateTierLimits | false
  readonly fees?: Fees
}

/** The simulator's exchange and the glue that feeds it the simulated market. */
export type TradingEngine = {
  readonly exchange: Exchange
  /** Credits the opening balances to `accountId` the first time it is seen; returns it. */
  fund(accountId: string): string
  /** Feeds one market step's prices (and traded quantity) to the exchange. */
  onMarketStep(event: MarketEvent, market: SymbolMarket): void
  /** Feeds every symbol's current prices (at start). */
  seedQuotes(markets: Iterable<SymbolMarket>): void
  /**
   * Models queue positions for the symbols `where` answers true for (the
   * simulator: those a client subscribes level3 for); others keep the L2
   * model.
   */
  modelQueues(where: (symbol: string) => boolean): void
}

/**
 * Creates the exchange engine behind the private endpoint: the market's
 * pairs and asset precisions, Kraken's rate counter for the tier, and
 * opening balances for each account.
 */
export function createTradingEngine(
  options: TradingEngineOptions,
): TradingEngine {
  const tier = options.rateTier ?? DEFAULT_RATE_TIER
  const symbolMarkets = new Map<string, SymbolMarket>()
  let queued: (symbol: string) => boolean = () => false
  /** The market's own quantity at a price (its queue), in decimals. */
  const queueLevel = (symbol: string, side: 'buy' | 'sell', at: number) => {
    const market = symbolMarkets.get(symbol)
    if (market === undefined || !queued(symbol)) return undefined
    const book = side === 'buy' ? market.book.bid : market.book.ask
    const units = Math.round(at * 10 ** market.spec.price_precision)
    return qty(market, book.qty.get(units) ?? 0)
  }
  const exchange = createExchange({
    queueLevel,
    pairs: options.pairs.map(toExchangePair),
    assetPrecision: Object.fromEntries(
      options.assets.map((asset) => [asset.id, asset.precision]),
    ),
    now: options.now,
    scheduler: options.scheduler,
    seed: options.seed,
    ...(options.fees === undefined ? {} : { fees: options.fees }),
    ...(tier === false
      ? {}
      : {
          createRateLimiter: () =>
            createRateCounter({ tier, now: options.now }),
        }),
  })
  const funded = new Set<string>()
  const balances = options.balances ?? DEFAULT_BALANCES

  const price = (market: SymbolMarket, units: number) =>
    Number(formatUnits(units, market.spec.price_precision))
  const qty = (market: SymbolMarket, units: number) =>
    Number(formatUnits(units, market.spec.qty_precision))

  /** The larger best-level quantity: what a book that moved through an order offers. */
  function touchQty(market: SymbolMarket) {
    const { bid, ask } = market.book
    return qty(
      market,
      Math.max(
        bid.qty.get(bid.best ?? 0) ?? 0,
        ask.qty.get(ask.best ?? 0) ?? 0,
      ),
    )
  }

  /**
   * Moves the exchange's prices to the market's. A step's trades first:
   * a taker that sold down to price P would have hit any resting bid at P
   * or better before the market's own (price priority), so the exchange
   * sees the ask at P for the traded quantity (and likewise for buys).
   * Then the book itself: orders it crossed fill up to the touch quantity.
   */
  function feed(market: SymbolMarket, event?: MarketEvent) {
    symbolMarkets.set(market.spec.symbol, market)
    const { bid, ask } = market.book
    if (bid.best === undefined || ask.best === undefined) return
    const symbol = market.spec.symbol
    const bidPrice = price(market, bid.best)
    const askPrice = price(market, ask.best)
    const trades = event?.trades ?? []
    if (trades.length > 0) {
      const traded = qty(
        market,
        trades.reduce((sum, t) => sum + t.qty, 0),
      )
      const prices = trades.map((t) => price(market, t.price))
      if (trades[0]?.side === 'sell')
        exchange.onMarketPrice(
          symbol,
          bidPrice,
          Math.min(askPrice, ...prices),
          traded,
        )
      else
        exchange.onMarketPrice(
          symbol,
          Math.max(bidPrice, ...prices),
          askPrice,
          traded,
        )
    }
    exchange.onMarketPrice(symbol, bidPrice, askPrice, touchQty(market))
  }

  return {
    exchange,
    fund(accountId) {
      if (!funded.has(accountId)) {
        funded.add(accountId)
        for (const [asset, amount] of Object.entries(balances))
          if (amount > 0) exchange.deposit(accountId, asset, amount)
      }
      return accountId
    },
    onMarketStep: (event, market) => feed(market, event),
    modelQueues(where) {
      queued = where
    },
    seedQuotes(markets) {
      for (const market of markets) feed(market)
    },
  }
}
