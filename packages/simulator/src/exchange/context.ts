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
}

/** Maker and taker fee rates (fractions, e.g. `0.0025`). */
export type FeeSchedule = { readonly maker: number; readonly taker: number }

/** The engine's shared state; internal to the exchange modules. */
export type EngineContext = {
  readonly now: () => number
  readonly ids: IdGenerator
  readonly scheduler: Scheduler
  readonly fees: FeeSchedule
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
