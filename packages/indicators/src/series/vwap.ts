import type { CandleInput, StreamingIndicator, TimedTrade } from '../types.js'
import { positiveNumber } from './options.js'
import { TimeWindowIndicator } from './rollingStats.js'

/** A candle for {@link vwap}; Kraken's candles also carry their own `vwap`. */
export interface VwapCandleInput extends CandleInput {
  /** The candle's own volume-weighted price (Kraken sends it); preferred when present. */
  readonly vwap?: number | undefined
}

/**
 * Cumulative volume-weighted average price over candles since creation:
 * Σ(price·volume) / Σvolume, where price is the candle's own `vwap` when it
 * has one, else its typical price (high + low + close) / 3. O(1) per update.
 *
 * Hand-written: `trading-signals`' VWAP skips a candle with volume 0
 * without remembering it, so the `replace` that follows (Kraken's open
 * candle gaining its first trade) takes back the previous, closed candle.
 *
 * @example
 * ```ts
 * import { vwap } from '@kraken-sockets/indicators'
 * const session = vwap()
 * session.add(candle) // a decoded Kraken ohlc candle
 * ```
 */
export function vwap(): StreamingIndicator<VwapCandleInput, number> {
  // Closed candles' sums, plus the open candle's terms kept apart: a
  // replace swaps the open terms instead of subtracting them back out of
  // the sums, which would leave rounding residue behind.
  let closedPV = 0
  let closedV = 0
  let openPV = 0
  let openV = 0
  let result: number | null = null
  const open = (candle: VwapCandleInput): number | null => {
    const price = candle.vwap ?? (candle.high + candle.low + candle.close) / 3
    openPV = price * candle.volume
    openV = candle.volume
    const v = closedV + openV
    result = v > 0 ? (closedPV + openPV) / v : null
    return result
  }
  return {
    requiredInputs: 1,
    get result() {
      return result
    },
    add(candle) {
      closedPV += openPV
      closedV += openV
      return open(candle)
    },
    replace: open,
  }
}

/** Options of {@link tradeVwap}. */
export interface TradeVwapOptions {
  /** Width of the time window (ms). */
  readonly window: number
}

/**
 * Volume-weighted average price of the trades of the last `window` ms
 * (trade time): Σ(price·qty) / Σqty. Amortised O(1) per trade.
 *
 * @example
 * ```ts
 * import { tradeVwap } from '@kraken-sockets/indicators'
 * const fiveMinutes = tradeVwap({ window: 300_000 })
 * fiveMinutes.add({ price: t.price, qty: t.qty, at: Date.parse(t.timestamp) })
 * ```
 * @throws {IndicatorOptionsError} when `window` is not above 0.
 */
export function tradeVwap(
  options: TradeVwapOptions,
): StreamingIndicator<TimedTrade, number> {
  return new TimeWindowIndicator<TimedTrade, number>(
    positiveNumber('window', options.window),
    (trade) => [trade.price, trade.qty],
    (ring) => ring.mean,
  )
}
