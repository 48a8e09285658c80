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
  let sumPV = 0
  let sumV = 0
  let lastPV = 0
  let lastV = 0
  let result: number | null = null
  const take = (candle: VwapCandleInput): number | null => {
    const price = candle.vwap ?? (candle.high + candle.low + candle.close) / 3
    lastPV = price * candle.volume
    lastV = candle.volume
    sumPV += lastPV
    sumV += lastV
    result = sumV > 0 ? sumPV / sumV : null
    return result
  }
  return {
    requiredInputs: 1,
    get result() {
      return result
    },
    add: take,
    replace(candle) {
      sumPV -= lastPV
      sumV -= lastV
      return take(candle)
    },
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
