import type { Side } from '../market/bookSide.js'
import type { MarketEvent } from '../market/market.js'
import { levelKey } from '../market/orderQueues.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { Publisher } from '../session/hub.js'
import {
  LEVEL3_DEPTHS,
  type Level3Order,
  level3ChecksumText,
  level3Frame,
  level3Topic,
  orderJson,
} from './level3.js'
import { type Ladder, ladderOf } from './level3Ladder.js'
import type { OwnOrders, View } from './ownLevels.js'

const SIDES = ['bid', 'ask'] as const

/**
 * The level3 feed over the simulated market's orders and the exchange's
 * own: one view per subscribed symbol and depth, holding exactly what its
 * subscribers hold, so every update (and its checksum) follows from the
 * previous message.
 */
export type Level3Feed = {
  /** A snapshot of the shared view (created if nobody watched it yet). */
  snapshot(market: SymbolMarket, depth: number, time: number): string
  /** Publishes what a market step changed. */
  publishStep(event: MarketEvent, market: SymbolMarket): void
  /** Publishes what the exchange's own orders changed on a symbol. */
  publishOwnOrders(market: SymbolMarket, time: number): void
}

/** Brings `view` to the ladder's top `depth`; returns the events per side. */
function diff(
  view: View,
  ladder: Ladder,
  depth: number,
  market: SymbolMarket,
  time: number,
  touched: ReadonlySet<string> | undefined,
): { bid: string[]; ask: string[]; top: Record<Side, number[]> } {
  const parts = { bid: [] as string[], ask: [] as string[] }
  const top = { bid: [] as number[], ask: [] as number[] }
  for (const side of SIDES) {
    const prices = ladder.top(side, depth)
    top[side] = prices
    const inWindow = new Set(prices)
    const out = parts[side]
    for (const [price, orders] of view[side]) {
      if (inWindow.has(price)) continue
      view[side].delete(price)
      // Truncation sends nothing; a level that is gone deletes its orders.
      if (ladder.orders(side, price).length > 0) continue
      for (const order of orders)
        out.push(orderJson(market, price, { ...order, time }, 'delete'))
    }
    for (const price of prices) {
      const shown = view[side].get(price)
      // Untouched levels of a market step are as they were.
      if (
        shown !== undefined &&
        touched !== undefined &&
        !touched.has(levelKey(side, price))
      )
        continue
      const now = ladder.orders(side, price)
      if (shown === undefined) {
        // A level entering the view: all its orders are adds.
        view[side].set(
          price,
          now.map((order) => ({ ...order })),
        )
        for (const order of now)
          out.push(orderJson(market, price, order, 'add'))
        continue
      }
      const current = new Map(now.map((order) => [order.id, order]))
      const kept: Level3Order[] = []
      for (const order of shown) {
        const found = current.get(order.id)
        if (found === undefined) {
          out.push(orderJson(market, price, { ...order, time }, 'delete'))
          continue
        }
        if (found.qty !== order.qty) {
          out.push(orderJson(market, price, found, 'modify'))
          kept.push({ ...found })
        } else kept.push(order)
        current.delete(order.id)
      }
      // New orders join the back of the queue, as subscribers append them.
      for (const order of current.values()) {
        out.push(orderJson(market, price, order, 'add'))
        kept.push({ ...order })
      }
      view[side].set(price, kept)
    }
  }
  return { ...parts, top }
}

function checksumOf(
  view: View,
  market: SymbolMarket,
  top: Record<Side, readonly number[]>,
): number {
  const levels = (side: Side) =>
    top[side]
      .slice(0, 10)
      .map((price) => [price, view[side].get(price) ?? []] as const)
  return level3ChecksumText(market, levels('ask'), levels('bid'))
}

/** Creates the level3 feed; `ownOrders` adds the exchange's resting orders. */
export function createLevel3Feed(
  hub: Publisher,
  ownOrders?: OwnOrders,
): Level3Feed {
  const views = new WeakMap<SymbolMarket, Map<number, View>>()
  const viewsOf = (market: SymbolMarket) => {
    let found = views.get(market)
    if (found === undefined) {
      found = new Map()
      views.set(market, found)
    }
    return found
  }

  const publish = (
    market: SymbolMarket,
    time: number,
    touched: ReadonlySet<string> | undefined,
  ) => {
    const symbol = market.spec.symbol
    const mine = viewsOf(market)
    let ladder: Ladder | undefined
    for (const depth of LEVEL3_DEPTHS) {
      const topic = level3Topic(symbol, depth)
      const view = mine.get(depth)
      if (view === undefined) continue
      if (!hub.has(topic)) {
        mine.delete(depth)
        continue
      }
      ladder ??= ladderOf(market, ownOrders)
      const { bid, ask, top } = diff(view, ladder, depth, market, time, touched)
      if (bid.length === 0 && ask.length === 0) continue
      const checksum = checksumOf(view, market, top)
      hub.publish(
        topic,
        level3Frame('update', symbol, checksum, { bids: bid, asks: ask }, time),
      )
    }
  }

  return {
    snapshot(market, depth, time) {
      const mine = viewsOf(market)
      let view = mine.get(depth)
      if (view === undefined) {
        view = { bid: new Map(), ask: new Map() }
        mine.set(depth, view)
        diff(view, ladderOf(market, ownOrders), depth, market, time, undefined)
      }
      const shown = view
      const book = market.book
      const sorted = (side: Side) =>
        [...shown[side].keys()].sort((a, b) =>
          book[side].isBetter(a, b) ? -1 : 1,
        )
      const top = { bid: sorted('bid'), ask: sorted('ask') }
      const side = (name: Side) =>
        top[name].flatMap((price) =>
          (shown[name].get(price) ?? []).map((order) =>
            orderJson(market, price, order),
          ),
        )
      return level3Frame(
        'snapshot',
        market.spec.symbol,
        checksumOf(view, market, top),
        { bids: side('bid'), asks: side('ask') },
        time,
      )
    },
    publishStep(event, market) {
      publish(market, event.time, new Set(event.orderEvents.keys()))
    },
    publishOwnOrders(market, time) {
      publish(market, time, undefined)
    },
  }
}
