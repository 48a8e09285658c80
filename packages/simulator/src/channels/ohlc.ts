import { encodeJson, raw } from '../json/encodeJson.js'
import type { Candle } from '../market/candles.js'
import { OHLC_INTERVALS } from '../market/candles.js'
import type { MarketEvent } from '../market/market.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import { rfc3339, rfc3339Nanos } from '../session/time.js'
import { averagePriceText, priceText, volumeText } from './format.js'
import { choiceParam, symbolChannel } from './symbolChannel.js'

const topic = (symbol: string, interval: number) => `ohlc:${symbol}:${interval}`
const WARNING = 'timestamp is deprecated, use interval_begin'
/** Candles in a snapshot: the closed history tail, then the open candle. */
const SNAPSHOT_CANDLES = 12

function candleJson(market: SymbolMarket, interval: number, candle: Candle) {
  return {
    symbol: market.spec.symbol,
    open: raw(priceText(market, candle.open)),
    high: raw(priceText(market, candle.high)),
    low: raw(priceText(market, candle.low)),
    close: raw(priceText(market, candle.close)),
    trades: candle.trades,
    volume: raw(volumeText(market, candle.volume)),
    vwap: raw(
      averagePriceText(
        market,
        candle.volume === 0 ? candle.close : candle.notional / candle.volume,
      ),
    ),
    interval_begin: rfc3339Nanos(candle.begin),
    interval,
    // Live and doc frames put the interval's end here, not its start (SPEC §3.4).
    timestamp: rfc3339(candle.begin + interval * 60_000),
  }
}

/** An `ohlc` message (with the top-level `timestamp` Kraken adds). */
export function ohlcFrame(
  market: SymbolMarket,
  interval: number,
  type: 'snapshot' | 'update',
  candles: readonly Candle[],
  time: number,
): string {
  return encodeJson({
    channel: 'ohlc',
    type,
    timestamp: rfc3339Nanos(time),
    data: candles.map((candle) => candleJson(market, interval, candle)),
  })
}

/** Publishes the open candle of every subscribed interval after trades (updates re-emit it). */
export function publishOhlc(
  event: MarketEvent,
  market: SymbolMarket,
  hub: Publisher,
): void {
  if (event.trades.length === 0) return
  for (const [interval, series] of market.candles)
    hub.publish(topic(event.symbol, interval), () =>
      ohlcFrame(market, interval, 'update', [series.open], event.time),
    )
}

/**
 * The `ohlc` channel.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ohlc
 */
export const ohlcChannel = symbolChannel({
  name: 'ohlc',
  kind: 'public',
  requiresToken: false,
  snapshotByDefault: true,
  readChoice: choiceParam('interval', OHLC_INTERVALS, 1),
  topic,
  // Each interval is its own subscription.
  key: (symbol, interval) => topic(symbol, interval),
  echo: (interval) => ({ interval }),
  warnings: [WARNING],
  snapshot(market, interval, simulator) {
    const series = market.candles.get(interval)
    if (series === undefined) return []
    const now = simulator.now()
    series.roll(now)
    const candles = [
      ...series.closed.slice(-(SNAPSHOT_CANDLES - 1)),
      series.open,
    ]
    return [ohlcFrame(market, interval, 'snapshot', candles, now)]
  },
})
