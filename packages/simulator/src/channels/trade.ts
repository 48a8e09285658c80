import { encodeJson, raw } from '../json/encodeJson.js'
import type { MarketEvent } from '../market/market.js'
import type { SymbolMarket, Trade } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import { rfc3339 } from '../session/time.js'
import { priceText, shortQtyText } from './format.js'
import { symbolChannel } from './symbolChannel.js'

const topic = (symbol: string) => `trade:${symbol}`

/** A `trade` message with `trades`, oldest first. */
export function tradeFrame(
  market: SymbolMarket,
  type: 'snapshot' | 'update',
  trades: readonly Trade[],
): string {
  return encodeJson({
    channel: 'trade',
    type,
    data: trades.map((trade) => ({
      symbol: trade.symbol,
      side: trade.side,
      price: raw(priceText(market, trade.price)),
      qty: raw(shortQtyText(market, trade.qty)),
      ord_type: trade.ordType,
      trade_id: trade.tradeId,
      timestamp: rfc3339(trade.time),
    })),
  })
}

/** Publishes a step's trades as one batched message. */
export function publishTrades(
  event: MarketEvent,
  market: SymbolMarket,
  hub: Publisher,
): void {
  if (event.trades.length > 0)
    hub.publish(topic(event.symbol), () =>
      tradeFrame(market, 'update', event.trades),
    )
}

/**
 * The `trade` channel; its snapshot (off by default) is the last 50 trades.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/trade
 */
export const tradeChannel = symbolChannel({
  name: 'trade',
  kind: 'public',
  requiresToken: false,
  snapshotByDefault: false,
  readChoice: () => undefined,
  topic,
  snapshot: (market) => [tradeFrame(market, 'snapshot', market.trades)],
})
