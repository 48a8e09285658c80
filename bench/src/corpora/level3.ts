import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { level3Checksum, type TextSide } from './checksum.js'
import { FIXTURES } from './fixtures.js'
import { createRandom } from './random.js'

type Order = { id: string; tick: number; qty: string; time: string }
type Event = 'add' | 'modify' | 'delete'
type Side = { orders: Order[]; isBid: boolean }

const DEPTH = 10 // price levels a depth-10 subscriber holds per side

/**
 * A BTC/USD level3 stream: the level3 snapshot of `checksum-vectors.json`,
 * then `updates` frames of 1 to 4 add, modify and delete events, in Kraken's
 * wire format (`"limit_price":44939.4,"order_qty":0.45210000`). It keeps a
 * depth-10 book: when a level empties, a new level beyond the last one
 * arrives as adds; a level pushed out by a new better one is dropped without
 * a message. Every checksum is the one of the resulting book.
 */
export function buildLevel3(updates: number, seed = 3): string[] {
  const random = createRandom(seed)
  const bids: Side = { orders: [], isBid: true }
  const asks: Side = { orders: [], isBid: false }
  for (const order of seedSnapshot()) {
    const side = order.side === 'bids' ? bids : asks
    side.orders.push({
      id: order.order_id,
      tick: Math.round(Number(order.limit_price) * 10),
      qty: order.order_qty,
      time: order.timestamp,
    })
  }
  // Nanoseconds since the epoch exceed 2^53: keep whole seconds apart.
  let seconds = Date.UTC(2024, 0, 8, 12, 26, 46) / 1000
  let nanos = 0
  const now = () => {
    nanos += 1000 + Math.floor(random() * 40_000_000)
    seconds += Math.floor(nanos / 1e9)
    nanos %= 1e9
    const whole = new Date(seconds * 1000).toISOString().slice(0, 19)
    return `${whole}.${String(nanos).padStart(9, '0')}Z`
  }
  const qty = () => (0.0001 + random() * 2).toFixed(8)
  const newId = () => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    const part = (n: number) =>
      Array.from({ length: n }, () => chars[Math.floor(random() * 32)]).join('')
    return `O${part(5)}-${part(5)}-${part(6)}`
  }
  const frames = [snapshotFrame(bids, asks)]
  for (let u = 0; u < updates; u++) {
    const events: Record<'bids' | 'asks', string[]> = { bids: [], asks: [] }
    for (let e = 1 + Math.floor(random() * 4); e > 0; e--) {
      const side = random() < 0.5 ? bids : asks
      const out = side.isBid ? events.bids : events.asks
      const roll = random()
      const visible = side.orders
      if (roll < 0.4 || visible.length < 12) {
        // A new order on a visible level, or on a new level near the top.
        const levels = distinctTicks(visible)
        const base = levels[Math.floor(random() ** 2 * levels.length)] ?? 0
        const away = side.isBid ? -1 : 1
        const tick = random() < 0.7 ? base : base + away
        const order = { id: newId(), tick, qty: qty(), time: now() }
        insert(side, order)
        truncate(side)
        // An order placed past the subscribed depth is never sent.
        if (side.orders.includes(order)) out.push(orderText('add', order))
      } else if (roll < 0.7) {
        const order = visible[Math.floor(random() * visible.length)] as Order
        order.qty = (Number(order.qty) * (0.1 + random() * 0.8)).toFixed(8)
        order.time = now()
        out.push(orderText('modify', order))
      } else {
        const at = Math.floor(random() * visible.length)
        const [order] = visible.splice(at, 1) as [Order]
        out.push(orderText('delete', { ...order, time: now() }))
        if (!visible.some((o) => o.tick === order.tick)) {
          // The level left: the next one comes into view as adds.
          const ticks = distinctTicks(visible)
          const worst = ticks[ticks.length - 1] ?? order.tick
          const tick =
            worst + (side.isBid ? -1 : 1) * (1 + Math.floor(random() * 5))
          for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
            const added = { id: newId(), tick, qty: qty(), time: now() }
            insert(side, added)
            out.push(orderText('add', added))
          }
        }
      }
    }
    frames.push(
      `{"channel":"level3","type":"update","data":[{"checksum":${checksum(bids, asks)},"symbol":"BTC/USD","bids":[${events.bids.join(',')}],"asks":[${events.asks.join(',')}],"timestamp":"${now()}"}]}`,
    )
  }
  return frames
}

type SeedOrder = {
  side: 'bids' | 'asks'
  order_id: string
  limit_price: string
  order_qty: string
  timestamp: string
}

/** The snapshot's orders, their decimals as text (the vector quotes them). */
function seedSnapshot(): SeedOrder[] {
  const file = JSON.parse(
    readFileSync(join(FIXTURES, 'checksum-vectors.json'), 'utf8'),
  ) as {
    vectors: {
      channel: string
      expected_checksum: number
      message: { data: Record<'bids' | 'asks', Omit<SeedOrder, 'side'>[]>[] }
    }[]
  }
  const vector = file.vectors.find((v) => v.channel === 'level3')
  const item = vector?.message.data[0]
  if (vector === undefined || item === undefined)
    throw new Error('level3 checksum vector not found')
  const orders: SeedOrder[] = [
    ...item.bids.map((o) => ({ ...o, side: 'bids' as const })),
    ...item.asks.map((o) => ({ ...o, side: 'asks' as const })),
  ]
  const text = (side: 'bids' | 'asks'): TextSide =>
    orders
      .filter((o) => o.side === side)
      .map((o) => [o.limit_price, o.order_qty])
  const found = level3Checksum(text('bids'), text('asks'))
  if (found !== vector.expected_checksum)
    throw new Error(`level3 vector checksum ${found} is not the expected one`)
  return orders
}

function priceText(tick: number): string {
  return (tick / 10).toFixed(1)
}

function orderText(event: Event | undefined, order: Order): string {
  const head = event === undefined ? '' : `"event":"${event}",`
  return `{${head}"order_id":"${order.id}","limit_price":${priceText(order.tick)},"order_qty":${order.qty},"timestamp":"${order.time}"}`
}

function snapshotFrame(bids: Side, asks: Side): string {
  const orders = (side: Side) =>
    side.orders.map((o) => orderText(undefined, o)).join(',')
  return `{"channel":"level3","type":"snapshot","data":[{"symbol":"BTC/USD","checksum":${checksum(bids, asks)},"bids":[${orders(bids)}],"asks":[${orders(asks)}]}]}`
}

function checksum(bids: Side, asks: Side): number {
  const text = (side: Side): TextSide =>
    side.orders.map((o) => [priceText(o.tick), o.qty])
  return level3Checksum(text(bids), text(asks))
}

/** The side's price levels, best first. */
function distinctTicks(orders: Order[]): number[] {
  const ticks: number[] = []
  for (const o of orders)
    if (ticks[ticks.length - 1] !== o.tick) ticks.push(o.tick)
  return ticks
}

/** Puts an order at the back of its level's queue, keeping best first. */
function insert(side: Side, order: Order): void {
  const behind = side.isBid
    ? (o: Order) => o.tick < order.tick
    : (o: Order) => o.tick > order.tick
  const at = side.orders.findIndex(behind)
  side.orders.splice(at === -1 ? side.orders.length : at, 0, order)
}

/** Drops the levels past the subscribed depth (Kraken sends no delete). */
function truncate(side: Side): void {
  const ticks = distinctTicks(side.orders)
  if (ticks.length <= DEPTH) return
  const last = ticks[DEPTH - 1] as number
  const keep = side.isBid
    ? (o: Order) => o.tick >= last
    : (o: Order) => o.tick <= last
  side.orders = side.orders.filter(keep)
}
