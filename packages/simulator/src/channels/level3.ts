import { type LevelText, level3Checksum } from '../market/checksum.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import { rfc3339, rfc3339Nanos } from '../session/time.js'
import { priceText, qtyText } from './format.js'
import { choiceParam, symbolChannel } from './symbolChannel.js'

/** The level3 depths Kraken offers (price levels per side). */
export const LEVEL3_DEPTHS = Object.freeze([10, 100, 1000] as const)

const topic = (symbol: string, depth: number) => `level3:${symbol}:${depth}`

/** The hub topic of a symbol's level3 subscribers at `depth`. */
export const level3Topic = topic

/** A level3 order as subscribers see it: integer units, time in ms. */
export type Level3Order = {
  readonly id: string
  readonly qty: number
  readonly time: number
}

/** One order of a level3 message; `event` is absent in snapshots. */
export function orderJson(
  market: SymbolMarket,
  price: number,
  order: Level3Order,
  event?: 'add' | 'modify' | 'delete',
): string {
  return `{${event === undefined ? '' : `"event":"${event}",`}"order_id":"${order.id}","limit_price":${priceText(market, price)},"order_qty":${qtyText(market, order.qty)},"timestamp":"${rfc3339Nanos(order.time)}"}`
}

/** The level3 checksum of levels (best first, orders in queue order). */
export function level3ChecksumText(
  market: SymbolMarket,
  asks: readonly (readonly [number, readonly Level3Order[]])[],
  bids: readonly (readonly [number, readonly Level3Order[]])[],
): number {
  const text = (levels: typeof asks): LevelText[][] =>
    levels.map(([price, orders]) =>
      orders.map((order) => ({
        price: priceText(market, price),
        qty: qtyText(market, order.qty),
      })),
    )
  return level3Checksum(text(asks), text(bids))
}

/**
 * A level3 message; `bids` and `asks` are order JSON texts. Key order and
 * timestamp precision differ between the two types, as in live captures.
 */
export function level3Frame(
  type: 'snapshot' | 'update',
  symbol: string,
  checksum: number,
  sides: { readonly bids: readonly string[]; readonly asks: readonly string[] },
  time: number,
): string {
  const name = JSON.stringify(symbol)
  const orders = `"bids":[${sides.bids.join(',')}],"asks":[${sides.asks.join(',')}]`
  const data =
    type === 'snapshot'
      ? `"symbol":${name},"checksum":${checksum},${orders},"timestamp":"${rfc3339(time)}"`
      : `"checksum":${checksum},"timestamp":"${rfc3339Nanos(time)}","symbol":${name},${orders}`
  return `{"channel":"level3","type":"${type}","data":[{${data}}]}`
}

/**
 * The `level3` channel (orders), on the level3 host, with a token.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/level3
 */
export const level3Channel = symbolChannel({
  name: 'level3',
  kind: 'level3',
  requiresToken: true,
  snapshotByDefault: true,
  readChoice: choiceParam('depth', LEVEL3_DEPTHS, 10, false),
  topic,
  // The shared view, so the snapshot matches the updates that follow it.
  snapshot: (market, depth, simulator) => [
    simulator.level3.snapshot(market, depth, simulator.now()),
  ],
})
