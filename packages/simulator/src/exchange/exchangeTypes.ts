import {
  TRADING_METHODS as KRAKEN_TRADING_METHODS,
  type TradingMethod as KrakenTradingMethod,
} from '@kraken-sockets/schema'
import type { Fees, QueueLevel } from './context.js'
import type { BatchCancelShape } from './methods/batchCancel.js'
import type { Params } from './params.js'
import type { TradingRateLimiter } from './rateLimiter.js'
import type { MethodResponse } from './responses.js'
import type { ExchangeSnapshots } from './snapshots.js'
import type { Scheduler } from './time.js'
import type {
  ExchangeEvent,
  ExchangePair,
  PairStatus,
  SystemStatus,
} from './types.js'

/** The trading methods the exchange answers: schema's list. */
export const TRADING_METHODS = KRAKEN_TRADING_METHODS

/** One of {@link TRADING_METHODS}. */
export type TradingMethod = KrakenTradingMethod

/** A trading request frame, parsed from JSON (the server checked the token). */
export type TradingRequestFrame = {
  readonly method: string
  readonly params?: Params
  readonly req_id?: number
}

/** Options of {@link createExchange}. */
export type ExchangeConfig = {
  /** The tradable pairs. */
  readonly pairs: readonly ExchangePair[]
  /**
   * Ledger precision per asset (the `instrument` channel's `assets[].precision`).
   * @default 4 for USD, EUR, GBP, CAD, JPY, CHF, AUD; 8 otherwise
   */
  readonly assetPrecision?: Readonly<Record<string, number>>
  /** Opening balances: account id → asset → amount. */
  readonly balances?: Readonly<Record<string, Readonly<Record<string, number>>>>
  /**
   * Fee rates.
   * @default { maker: 0.0025, taker: 0.004 }
   */
  /** Flat rates, or rates by 30-day volume. @default Kraken's spot tiers (`KRAKEN_SPOT_FEE_TIERS`) */
  readonly fees?: Fees
  /**
   * The market's quantity at a price, for queue positions: a resting order
   * fills only once the quantity ahead of it is traded away. Without it (or
   * when it answers `undefined`), the L2 model.
   */
  readonly queueLevel?: QueueLevel
  /**
   * The clock (ms since the epoch).
   * @default Date.now
   */
  readonly now?: () => number
  /**
   * Timers for GTD expiry and the dead man's switch.
   * @default the global setTimeout / clearTimeout
   */
  readonly scheduler?: Scheduler
  /**
   * Seed of the order, trade and ledger ids.
   * @default 1
   */
  readonly seed?: string | number
  /**
   * Makes each account's rate counter, e.g.
   * `() => createRateCounter({ tier: 'pro', now })` from `@kraken-sockets/schema`.
   * @default no rate limit
   */
  readonly createRateLimiter?: (accountId: string) => TradingRateLimiter
  /**
   * `batch_cancel` answer shape.
   * @default 'live'
   */
  readonly batchCancelResponse?: BatchCancelShape
}

/** The simulated exchange: accounts, orders, matching and private events. */
export type Exchange = ExchangeSnapshots & {
  /**
   * Handles a trading request for `accountId`. Returns the responses to
   * send, in order (several for `cancel_order`). Execution and balance
   * events are emitted to subscribers before it returns.
   */
  request(
    accountId: string,
    frame: TradingRequestFrame,
    options?: { timeIn?: number },
  ): MethodResponse[]
  /** Feeds a market price: fires triggers and fills crossed orders. */
  onMarketPrice(
    symbol: string,
    bid: number,
    ask: number,
    lastTradeQty?: number,
  ): void
  /** The engine status (`status` channel's `system`). */
  readonly systemStatus: SystemStatus
  setSystemStatus(status: SystemStatus): void
  setPairStatus(symbol: string, status: PairStatus): void
  /** Credits `amount` of `asset` (a `deposit` ledger update). */
  deposit(accountId: string, asset: string, amount: number): void
  /** Listens to executions and balances events; returns an unsubscribe function. */
  subscribe(listener: (event: ExchangeEvent) => void): () => void
  /** The pair's rate counter of the account, if rate limits are on. */
  rateCount(accountId: string, symbol: string): number | undefined
  /** `maxratecount` for the account, if rate limits are on. */
  maxRateCount(accountId: string): number | undefined
  /** Cancels the exchange's timers (GTD expiries, dead man's switches). */
  close(): void
}
