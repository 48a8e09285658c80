import type { Side } from '../market/bookSide.js'
import { type LevelText, level3Checksum } from '../market/checksum.js'
import type { MarketEvent } from '../market/market.js'
import {
  levelKey,
  type OrderEvent,
  type RestingOrder,
} from '../market/orderQueues.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import { rfc3339, rfc3339Nanos } from '../session/time.js'
import { priceText, qtyText } from './format.js'
import {
  perSymbolPlan,
  readBoolean,
  readChoice,
  readSymbols,
  unknownSymbol,
} from './params.js'
import type { ChannelDefinition } from './types.js'

/** The level3 depths Kraken offers (price levels per side). */
export const LEVEL3_DEPTHS = Object.freeze([10, 100, 1000] as const)

const topic = (symbol: string, depth: number) => `level3:${symbol}:${depth}`

/** The depths of a symbol that have level3 subscribers. */
export function subscribedLevel3Depths(
  hub: Publisher,
  symbol: string,
): number[] {
  return LEVEL3_DEPTHS.filter((depth) => hub.has(topic(symbol, depth)))
}

function ordersOf(
  market: SymbolMarket,
  side: Side,
  price: number,
): readonly RestingOrder[] {
  return market.orders.levels[side].get(price) ?? []
}

/** The level3 checksum of the symbol's orders now. */
export function level3ChecksumOf(market: SymbolMarket): number {
  const levels = (side: Side): LevelText[][] =>
    market.book[side].prices.slice(0, 10).map((price) =>
      ordersOf(market, side, price).map((order) => ({
        price: priceText(market, price),
        qty: qtyText(market, order.qty),
      })),
    )
  return level3Checksum(levels('ask'), levels('bid'))
}

function orderJson(
  market: SymbolMarket,
  price: number,
  order: { id: string; qty: number; time: number },
  event?: OrderEvent['event'],
): string {
  return `{${event === undefined ? '' : `"event":"${event}",`}"order_id":"${order.id}","limit_price":${priceText(market, price)},"order_qty":${qtyText(market, order.qty)},"timestamp":"${rfc3339Nanos(order.time)}"}`
}

/** The snapshot a new subscriber of `depth` receives. */
export function level3Snapshot(
  market: SymbolMarket,
  depth: number,
  time: number,
): string {
  const side = (name: Side) =>
    market.book[name].prices
      .slice(0, depth)
      .flatMap((price) =>
        ordersOf(market, name, price).map((order) =>
          orderJson(market, price, order),
        ),
      )
      .join(',')
  return `{"channel":"level3","type":"snapshot","data":[{"symbol":${JSON.stringify(market.spec.symbol)},"checksum":${level3ChecksumOf(market)},"bids":[${side('bid')}],"asks":[${side('ask')}],"timestamp":"${rfc3339(time)}"}]}`
}

/** Publishes a market step's order events, one message per subscribed depth. */
export function publishLevel3(
  event: MarketEvent,
  market: SymbolMarket,
  hub: Publisher,
): void {
  let checksum: number | undefined
  for (const depth of LEVEL3_DEPTHS) {
    const update = event.updates.get(depth)
    if (update === undefined || !hub.has(topic(event.symbol, depth))) continue
    const side = (name: Side) => {
      const parts: string[] = []
      const done = new Set<number>()
      for (const level of name === 'bid' ? update.bids : update.asks) {
        if (done.has(level.price)) continue
        done.add(level.price)
        const events = event.orderEvents.get(levelKey(name, level.price))
        if (events !== undefined)
          for (const e of events)
            parts.push(orderJson(market, level.price, e, e.event))
        // A level entering the view from below: all its orders are adds.
        else
          for (const order of ordersOf(market, name, level.price))
            parts.push(orderJson(market, level.price, order, 'add'))
      }
      return parts
    }
    const bids = side('bid')
    const asks = side('ask')
    if (bids.length === 0 && asks.length === 0) continue
    checksum ??= level3ChecksumOf(market)
    hub.publish(
      topic(event.symbol, depth),
      `{"channel":"level3","type":"update","data":[{"checksum":${checksum},"timestamp":"${rfc3339Nanos(event.time)}","symbol":${JSON.stringify(event.symbol)},"bids":[${bids.join(',')}],"asks":[${asks.join(',')}]}]}`,
    )
  }
}

/**
 * The `level3` channel (orders), on the level3 host, with a token.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const level3Channel: ChannelDefinition = {
  name: 'level3',
  kind: 'level3',
  requiresToken: true,
  subscribe(params, { simulator }) {
    return perSymbolPlan(
      simulator.pairs,
      () => {
        const symbols = readSymbols(params)
        const depth = readChoice(params, 'depth', LEVEL3_DEPTHS, 10)
        const snapshot = readBoolean(params, 'snapshot', true)
        return {
          symbols,
          item: (pair) => ({
            ok: true,
            key: `level3:${pair.symbol}`,
            topic: topic(pair.symbol, depth),
            symbol: pair.symbol,
            result: { channel: 'level3', snapshot, symbol: pair.symbol },
            unsubscribeResult: { channel: 'level3', symbol: pair.symbol },
            ...(snapshot
              ? {
                  snapshot: () => {
                    const market = simulator.market.symbols.get(pair.symbol)
                    return market === undefined
                      ? []
                      : [level3Snapshot(market, depth, simulator.now())]
                  },
                }
              : {}),
          }),
        }
      },
      unknownSymbol,
    )
  },
  unsubscribe(params, { simulator }) {
    return perSymbolPlan(
      simulator.pairs,
      () => ({
        symbols: readSymbols(params),
        item: (pair) => ({ key: `level3:${pair.symbol}`, symbol: pair.symbol }),
      }),
      (symbol) => ({ key: `level3:${symbol}`, symbol }),
    )
  },
}
