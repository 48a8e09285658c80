import { encodeJson, raw } from '../json/encodeJson.js'
import { formatUnits } from '../market/decimal.js'
import type { MarketEvent } from '../market/market.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import { rfc3339 } from '../session/time.js'
import {
  averagePriceText,
  priceText,
  shortQtyText,
  volumeText,
} from './format.js'
import { choiceParam, symbolChannel } from './symbolChannel.js'

/** When ticker updates are sent: on trades (default) or on best bid/offer changes. */
export const EVENT_TRIGGERS = Object.freeze(['trades', 'bbo'] as const)

const topic = (symbol: string, trigger: string) => `ticker:${symbol}:${trigger}`

/** A `ticker` message for the symbol now (fields as captured live in 2026). */
export function tickerFrame(
  market: SymbolMarket,
  type: 'snapshot' | 'update',
  time: number,
): string {
  const { bid, ask } = market.book
  const stats = market.stats
  const bidPrice = bid.best ?? 0
  const askPrice = ask.best ?? 0
  const change = stats.last - stats.open
  const changePct =
    stats.open === 0 ? 0 : Math.round((change / stats.open) * 10_000)
  return encodeJson({
    channel: 'ticker',
    type,
    data: [
      {
        symbol: market.spec.symbol,
        bid: raw(priceText(market, bidPrice)),
        bid_qty: raw(shortQtyText(market, bid.qty.get(bidPrice) ?? 0)),
        ask: raw(priceText(market, askPrice)),
        ask_qty: raw(shortQtyText(market, ask.qty.get(askPrice) ?? 0)),
        last: raw(priceText(market, stats.last)),
        volume: raw(volumeText(market, stats.volume)),
        vwap: raw(
          averagePriceText(
            market,
            stats.volume === 0 ? stats.last : stats.notional / stats.volume,
          ),
        ),
        low: raw(priceText(market, stats.low)),
        high: raw(priceText(market, stats.high)),
        change: raw(priceText(market, change)),
        change_pct: raw(formatUnits(changePct, 2)),
        trades: stats.trades,
        timestamp: rfc3339(time),
      },
    ],
  })
}

/** Publishes ticker updates: `trades` subscribers on trades, `bbo` ones on top-of-book changes. */
export function publishTicker(
  event: MarketEvent,
  market: SymbolMarket,
  hub: Publisher,
): void {
  if (event.trades.length > 0)
    hub.publish(topic(event.symbol, 'trades'), () =>
      tickerFrame(market, 'update', event.time),
    )
  if (event.bboChanged)
    hub.publish(topic(event.symbol, 'bbo'), () =>
      tickerFrame(market, 'update', event.time),
    )
}

/**
 * The `ticker` channel (level 1).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/ticker
 */
export const tickerChannel = symbolChannel({
  name: 'ticker',
  kind: 'public',
  requiresToken: false,
  snapshotByDefault: true,
  readChoice: choiceParam('event_trigger', EVENT_TRIGGERS, 'trades'),
  topic,
  echo: (trigger) => ({ event_trigger: trigger }),
  snapshot: (market, _trigger, simulator) => [
    tickerFrame(market, 'snapshot', simulator.now()),
  ],
})
