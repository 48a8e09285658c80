import { positive } from '../shared/positive.js'

/** Options of the advisory rate counter (`options.trading.rateCounter`). */
export interface RateCounterOptions {
  /**
   * `warn` logs a warning and sends; `refuse` rejects with `NotSentError`
   * (`code: 'rate_limited'`) before Kraken would answer `EOrder:Rate limit exceeded`.
   * @default 'warn'
   */
  mode?: 'warn' | 'refuse' | undefined
  /**
   * The threshold until the executions ack gives `maxratecount`.
   * @default 60 (Kraken's lowest tier)
   */
  maxRateCount?: number | undefined
}

/** Options of trading (`options.trading`). */
export interface TradingOptions {
  /**
   * Round `limit_price` to the pair's `price_increment` (a buy down, a sell
   * up) and `order_qty` down to `qty_increment`, and refuse locally (as
   * `NotSentError`) orders below `qty_min` / `cost_min`, for a pair whose
   * status forbids them, or that the system status forbids. `false` sends
   * orders as given and leaves every refusal to Kraken.
   * @default true
   */
  round?: boolean | undefined
  /**
   * Subscribe to `executions` (with `snap_orders`) and `instrument` when
   * trading starts, to track orders and know the pairs.
   * @default true
   */
  track?: boolean | undefined
  /**
   * An advisory model of Kraken's per-pair trading rate counter, corrected
   * from the streamed `ratecounter` (the runtime then subscribes with
   * `ratecounter: true`), or `false`.
   * @default false
   */
  rateCounter?: RateCounterOptions | false | undefined
  /**
   * How long (ms) `cancel_order` by `order_userref` waits after its last
   * answer for more (Kraken answers once per order, and only it knows how
   * many orders carry the tag).
   * @default 500
   */
  quietWindow?: number | undefined
  /**
   * How long (ms) past its request's deadline an order whose answer was lost
   * may still be processed by Kraken: it is reported `missing` only after
   * this, and only when a snapshot since (and REST, when credentials allow)
   * does not hold it. If it shows up later all the same, `resolved` follows.
   * @default 10_000
   */
  outcomeGrace?: number | undefined
}

/** {@link TradingOptions} with every default applied. */
export interface ResolvedTradingOptions {
  readonly round: boolean
  readonly track: boolean
  readonly rateCounter:
    | {
        readonly mode: 'warn' | 'refuse'
        readonly maxRateCount: number | undefined
      }
    | false
  readonly quietWindow: number
  readonly outcomeGrace: number
}

/** Applies the defaults of {@link TradingOptions}; throws `RangeError` on a non-positive number. */
export function resolveTrading(
  options: TradingOptions,
): ResolvedTradingOptions {
  const { rateCounter } = options
  return {
    round: options.round ?? true,
    track: options.track ?? true,
    rateCounter:
      rateCounter === undefined || rateCounter === false
        ? false
        : {
            mode: rateCounter.mode ?? 'warn',
            maxRateCount:
              rateCounter.maxRateCount === undefined
                ? undefined
                : positive(
                    'trading.rateCounter.maxRateCount',
                    rateCounter.maxRateCount,
                    60,
                  ),
          },
    quietWindow: positive('trading.quietWindow', options.quietWindow, 500),
    outcomeGrace: positive(
      'trading.outcomeGrace',
      options.outcomeGrace,
      10_000,
    ),
  }
}
