import type { IdGenerator } from './ids.js'
import type { Order } from './order.js'
import type { TradingRateLimiter } from './rateLimiter.js'
import type { Scheduler } from './time.js'
import type {
  ExchangeEvent,
  ExchangePair,
  ExecutionReport,
  PairStatus,
  SystemStatus,
} from './types.js'

/** The latest market prices of a pair. */
export type Quote = { bid: number; ask: number; last: number }

/** One account's state. */
export type Account = {
  readonly id: string
  readonly balances: Map<string, number>
  /** The last 50 trades, oldest first, for `snap_trades`. */
  readonly trades: ExecutionReport[]
  readonly limiter: TradingRateLimiter | undefined
  deadManHandle?: unknown
  /** Fills of the fee window (time and cost), oldest first: the 30-day volume. */
  readonly volume: { readonly at: number; readonly cost: number }[]
}

/** Maker and taker fee rates (fractions, e.g. `0.0025`). */
export type FeeSchedule = { readonly maker: number; readonly taker: number }

/** One step of a fee schedule: the rates from `volume` (30-day, USD) up. */
export type FeeTier = {
  /** 30-day trade volume (USD) from which these rates apply. */
  readonly volume: number
  /** Maker rate (fraction, e.g. `0.0025`). */
  readonly maker: number
  /** Taker rate (fraction). */
  readonly taker: number
}

/** Fees by 30-day volume: a tier table, lowest volume first. */
export type FeeTiers = { readonly tiers: readonly FeeTier[] }

/** The exchange's fees: flat rates, or rates by 30-day volume. */
export type Fees = FeeSchedule | FeeTiers

/**
 * The market's own quantity resting at `price` on `side` now, or `undefined`
 * when queue positions are not modelled for the symbol (the L2 model).
 */
export type QueueLevel = (
  symbol: string,
  side: 'buy' | 'sell',
  price: number,
) => number | undefined

/** The engine's shared state; internal to the exchange modules. */
export type EngineContext = {
  readonly now: () => number
  readonly ids: IdGenerator
  readonly scheduler: Scheduler
  /** Flat rates, or rates by 30-day volume (see `feesOf`). */
  readonly fees: Fees
  /** Queue positions of resting orders, where the market has them. */
  readonly queueLevel: QueueLevel
  readonly pairs: ReadonlyMap<string, ExchangePair>
  readonly pairStatus: Map<string, PairStatus>
  readonly assetPrecision: (asset: string) => number
  readonly quotes: Map<string, Quote>
  readonly accounts: Map<string, Account>
  /** Open orders of every account, in arrival order. */
  readonly orders: Map<string, Order>
  readonly tradeIds: Map<string, number>
  readonly emit: (event: ExchangeEvent) => void
  readonly createLimiter: (accountId: string) => TradingRateLimiter | undefined
  system: SystemStatus
}
