import type { StreamingIndicator } from '../types.js'

/** The candle fields the series keys on (a decoded Kraken ohlc candle fits). */
export interface KeyedCandle {
  /** Start of the candle's interval, as Kraken sends it (RFC 3339). */
  readonly interval_begin: string
}

/** What {@link CandleSeries.update} did with a candle. */
export type CandleAction =
  /** A new interval: the indicator got a new sample. */
  | 'add'
  /** The open candle again: its sample was replaced, not added twice. */
  | 'replace'
  /** An interval older than the open one (a snapshot re-sending history). */
  | 'ignore'

/** The outcome of one candle. */
export interface CandleUpdate<TResult> {
  readonly action: CandleAction
  /** The indicator's result after the candle. */
  readonly result: TResult | null
}

/** Feeds candles into one indicator, keyed by `interval_begin`. */
export interface CandleSeries<TCandle extends KeyedCandle, TResult> {
  /** Adds, replaces or ignores `candle` by its `interval_begin`. */
  update(candle: TCandle): CandleUpdate<TResult>
  /** The indicator's current result. */
  readonly result: TResult | null
  /** `interval_begin` of the open candle (epoch ms), or `undefined` before the first. */
  readonly openBegin: number | undefined
}

/**
 * Drives `indicator` from Kraken's ohlc channel, which re-sends the open
 * candle on every trade: a candle whose `interval_begin` equals the open
 * one REPLACES its sample; a later one ADDS a sample; an earlier one (a
 * snapshot after a resubscribe re-sends recent candles) is ignored, since
 * its interval is already closed and counted.
 *
 * @example
 * ```ts
 * import { candleSeries, rsi } from '@kraken-sockets/indicators'
 * const rsi14 = candleSeries(rsi(14), (c) => c.close)
 * kraken.trigger(OHLCUpdateResponse, (r) => { for (const c of r.candles) rsi14.update(c) })
 * ```
 */
export function candleSeries<TCandle extends KeyedCandle, TInput, TResult>(
  indicator: StreamingIndicator<TInput, TResult>,
  pick: (candle: TCandle) => TInput,
): CandleSeries<TCandle, TResult> {
  let openBegin: number | undefined
  // Kraken re-sends the open candle with the same text: skip the parse.
  let openText: string | undefined
  return {
    get result() {
      return indicator.result
    },
    get openBegin() {
      return openBegin
    },
    update(candle) {
      if (candle.interval_begin === openText)
        return { action: 'replace', result: indicator.replace(pick(candle)) }
      const begin = Date.parse(candle.interval_begin)
      if (Number.isNaN(begin) || (openBegin !== undefined && begin < openBegin))
        return { action: 'ignore', result: indicator.result }
      if (begin === openBegin) {
        openText = candle.interval_begin
        return { action: 'replace', result: indicator.replace(pick(candle)) }
      }
      openBegin = begin
      openText = candle.interval_begin
      return { action: 'add', result: indicator.add(pick(candle)) }
    },
  }
}
