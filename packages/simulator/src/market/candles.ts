import type { Prng } from './prng.js'

/** Kraken's OHLC intervals, in minutes. */
export const OHLC_INTERVALS = Object.freeze([
  1, 5, 15, 30, 60, 240, 1440, 10080, 21600,
] as const)

/** One candle, prices in integer units and volume in base units. */
export type Candle = {
  readonly begin: number
  open: number
  high: number
  low: number
  close: number
  volume: number
  /** Sum of price × qty, for the vwap. */
  notional: number
  trades: number
}

const HISTORY = 12

/** The candles of one symbol and interval: closed history and the open one. */
export class CandleSeries {
  /** The interval in minutes. */
  readonly interval: number
  /** Closed candles, oldest first. */
  readonly closed: Candle[] = []
  /** The candle still open. */
  open: Candle

  constructor(
    interval: number,
    price: number,
    now: number,
    prng: Prng,
    tick: number,
  ) {
    this.interval = interval
    const length = interval * 60_000
    const begin = Math.floor(now / length) * length
    // A seeded walk backwards from the current price gives a plausible history.
    let close = price
    for (let i = 1; i <= HISTORY; i++) {
      const open = Math.max(tick, close + prng.int(-20, 20) * tick)
      const high = Math.max(open, close) + prng.int(0, 8) * tick
      const low = Math.max(tick, Math.min(open, close) - prng.int(0, 8) * tick)
      const volume = prng.int(1, 400) / 100
      this.closed.unshift({
        begin: begin - i * length,
        open,
        high,
        low,
        close,
        volume,
        notional: volume * ((open + close) / 2),
        trades: prng.int(1, 60),
      })
      close = open
    }
    this.open = emptyCandle(begin, price)
  }

  /** Records a trade; returns the open candle (a new one past the interval). */
  record(time: number, price: number, volume: number): Candle {
    this.roll(time)
    const candle = this.open
    if (candle.trades === 0) {
      candle.open = price
      candle.high = price
      candle.low = price
    }
    candle.high = Math.max(candle.high, price)
    candle.low = Math.min(candle.low, price)
    candle.close = price
    candle.volume += volume
    candle.notional += volume * price
    candle.trades++
    return candle
  }

  /** Closes the open candle when `time` is past its interval. */
  roll(time: number): void {
    const length = this.interval * 60_000
    if (time < this.open.begin + length) return
    this.closed.push(this.open)
    if (this.closed.length > 720) this.closed.shift()
    this.open = emptyCandle(Math.floor(time / length) * length, this.open.close)
  }
}

function emptyCandle(begin: number, price: number): Candle {
  return {
    begin,
    open: price,
    high: price,
    low: price,
    close: price,
    volume: 0,
    notional: 0,
    trades: 0,
  }
}
