import type { RateTransaction } from '@kraken-sockets/schema'

/** A transaction as the rate limiter prices it: schema's `RateTransaction`. */
export type LimitedTransaction = RateTransaction

/**
 * What the engine needs of a trading rate counter. The `RateCounter` that
 * `createRateCounter()` of `@kraken-sockets/schema` returns satisfies it;
 * the exchange takes it by injection so that tests and benchmarks can run
 * without limits.
 */
export type TradingRateLimiter = {
  /** `maxratecount` of the executions ack. */
  readonly maxRateCount: number
  /** How many orders may be open per pair. */
  readonly limits: { readonly maxOpenOrders: number }
  /** The pair's counter now. */
  count(pair: string): number
  /** Charges the transaction unless it would exceed the threshold. */
  charge(
    pair: string,
    transaction: LimitedTransaction,
  ): { readonly ok: boolean; readonly count: number }
}
