import { bookChecksum, type TextSide } from './checksum.js'
import { createRandom } from './random.js'

const DEPTH = 1000

/**
 * A synthetic depth-1000 BTC/USD book shaped like the live one (ticks of 0.1,
 * 8-decimal quantities): a snapshot, then updates that change, remove, insert
 * and refill levels, each with the checksum a correct book must reproduce.
 */
export function buildDepth1000(updates: number, seed = 1000): string[] {
  const random = createRandom(seed)
  const qty = () => (0.00000001 + random() * 3).toFixed(8)
  const bids: number[] = [] // ticks (price * 10), best (highest) first
  const asks: number[] = [] // best (lowest) first
  const qtys = new Map<number, string>()
  for (
    let i = 0, tick = 294_302;
    i < DEPTH;
    i++, tick -= 1 + Math.floor(random() * 4)
  ) {
    bids.push(tick)
    qtys.set(tick, qty())
  }
  for (
    let i = 0, tick = 294_303;
    i < DEPTH;
    i++, tick += 1 + Math.floor(random() * 4)
  ) {
    asks.push(tick)
    qtys.set(tick, qty())
  }
  const text = (tick: number) => (tick / 10).toFixed(1)
  const side = (ticks: number[]): TextSide =>
    ticks.map((t) => [text(t), qtys.get(t) ?? ''])
  const level = ([price, q]: [string, string]) =>
    `{"price":${price},"qty":${q}}`
  let micros = Date.UTC(2023, 6, 30, 15, 30) * 1000
  const frame = (type: string, b: TextSide, a: TextSide, withTime: boolean) => {
    const checksum = bookChecksum(side(bids), side(asks))
    const time = withTime
      ? `,"timestamp":"${new Date(micros / 1000).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z"`
      : ''
    return `{"channel":"book","type":"${type}","data":[{"symbol":"BTC/USD","bids":[${b.map(level).join(',')}],"asks":[${a.map(level).join(',')}],"checksum":${checksum}${time}}]}`
  }
  const frames = [frame('snapshot', side(bids), side(asks), false)]
  for (let u = 0; u < updates; u++) {
    micros += 1 + Math.floor(random() * 50_000)
    const changed = { bids: [] as TextSide, asks: [] as TextSide }
    for (let c = 1 + Math.floor(random() * 3); c > 0; c--) {
      const isBid = random() < 0.5
      const ticks = isBid ? bids : asks
      const out = isBid ? changed.bids : changed.asks
      const away = isBid ? -1 : 1
      const index = Math.floor(random() ** 3 * 20)
      const roll = random()
      const at = ticks[index] as number
      const next = ticks[index + 1] as number
      if (roll < 0.25 && Math.abs(next - at) > 1) {
        const tick = at + away
        ticks.splice(index + 1, 0, tick)
        qtys.set(tick, qty())
        out.push([text(tick), qtys.get(tick) ?? ''])
        ticks.length = DEPTH // out of scope levels are dropped without a message
      } else if (roll < 0.45) {
        ticks.splice(index, 1)
        qtys.delete(at)
        out.push([text(at), '0.00000000'])
        const worst = ticks[ticks.length - 1] as number
        const refill = worst + away * (1 + Math.floor(random() * 4))
        ticks.push(refill)
        qtys.set(refill, qty())
        out.push([text(refill), qtys.get(refill) ?? ''])
      } else {
        qtys.set(at, qty())
        out.push([text(at), qtys.get(at) ?? ''])
      }
    }
    frames.push(frame('update', changed.bids, changed.asks, true))
  }
  return frames
}
