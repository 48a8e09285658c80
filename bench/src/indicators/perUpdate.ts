import {
  atr,
  bollinger,
  bookFeatures,
  candleSeries,
  createAlertEngine,
  ema,
  macd,
  rollingStats,
  rsi,
  sma,
  tradeVwap,
  vwap,
} from '@kraken-sockets/indicators'
import {
  BollingerBands as LibraryBollinger,
  SMA as LibrarySma,
} from 'trading-signals'
import { format, type Summary, summarize } from '../book/stats.js'
import { benchInputs } from './inputs.js'

/*
 * Cost per update of each indicator against a plain running sum (a
 * 20-sample ring with sum += new − old, the least an O(1) moving average
 * can do), measured in the same process with rounds alternating so drift
 * hits both alike. A sample is one round's mean cost per update (µs).
 *
 *   cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/indicators/perUpdate.ts
 */

const COUNT = 100_000
const ROUNDS = 25
const inputs = benchInputs(COUNT)
let sink = 0

/** One round: a fresh subject fed every input; returns µs per update. */
type Round = () => number

function timed(feed: (i: number) => unknown, updates = COUNT): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < updates; i++) if (feed(i) === undefined) sink++
  return Number(process.hrtime.bigint() - start) / 1000 / updates
}

const baseline: Round = () => {
  const ring = new Float64Array(20)
  let sum = 0
  let n = 0
  return timed((i) => {
    const x = inputs.prices[i] ?? 0
    const slot = i % 20
    sum += x - (ring[slot] ?? 0)
    ring[slot] = x
    if (n < 20) n++
    return n === 20 ? sum / 20 : null
  })
}

const price = (i: number) => inputs.prices[i] ?? 0
const candle = (i: number) =>
  inputs.candles[i] ?? {
    open: 0,
    high: 0,
    low: 0,
    close: 0,
    volume: 0,
    vwap: 0,
  }

const subjects: [string, Round][] = [
  [
    'sma(20)',
    () => {
      const s = sma(20)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'sma(200)',
    () => {
      const s = sma(200)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'trading-signals SMA(20) (not used)',
    () => {
      const s = new LibrarySma(20)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'trading-signals SMA(200) (not used)',
    () => {
      const s = new LibrarySma(200)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'ema(20) [trading-signals]',
    () => {
      const s = ema(20)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'rsi(14) [trading-signals]',
    () => {
      const s = rsi(14)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'macd(12,26,9) [trading-signals]',
    () => {
      const s = macd()
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'bollinger(20, 2)',
    () => {
      const s = bollinger()
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'trading-signals BollingerBands(20) (not used)',
    () => {
      const s = new LibraryBollinger(20, 2)
      return timed((i) => s.add(price(i)))
    },
  ],
  [
    'atr(14) [trading-signals]',
    () => {
      const s = atr(14)
      return timed((i) => s.add(candle(i)))
    },
  ],
  [
    'vwap() over candles',
    () => {
      const s = vwap()
      return timed((i) => s.add(candle(i)))
    },
  ],
  [
    'rollingStats(60 s)',
    () => {
      const s = rollingStats({ window: 60_000 })
      return timed((i) => s.add(inputs.samples[i] ?? { value: 0, at: 0 }))
    },
  ],
  [
    'tradeVwap(60 s)',
    () => {
      const s = tradeVwap({ window: 60_000 })
      return timed((i) =>
        s.add(inputs.trades[i] ?? { price: 0, qty: 0, at: 0 }),
      )
    },
  ],
  [
    'rsi(14) via candleSeries, open candle re-sent 4x',
    () => {
      // Each candle arrives 4 times (one add, three replaces): cost per update.
      const s = candleSeries(
        rsi(14),
        (c: { close: number; interval_begin: string }) => c.close,
      )
      const begins = Array.from({ length: COUNT / 4 }, (_, k) =>
        new Date(1_764_547_200_000 + k * 60_000).toISOString(),
      )
      return timed((i) =>
        s.update({ close: price(i), interval_begin: begins[i >> 2] ?? '' }),
      )
    },
  ],
  [
    'alert engine: 10 conditions on the series',
    () => {
      const engine = createAlertEngine({ defaultMaxAge: 60_000 })
      for (let k = 0; k < 5; k++) {
        engine.add({
          id: `gt${k}`,
          on: 'last',
          op: 'gt',
          value: 60_000 + k * 50,
          hysteresis: 5,
        })
        engine.add({
          id: `x${k}`,
          on: 'last',
          op: 'crosses_below',
          value: 60_000 - k * 50,
        })
      }
      return timed((i) => engine.update('last', price(i)))
    },
  ],
  [
    'bookFeatures (25 levels a side, 10 bps)',
    () => {
      const bids = Array.from({ length: 25 }, (_, k) => ({
        price: 60_000 - k * 0.5,
        qty: 0.1 + k * 0.01,
      }))
      const asks = Array.from({ length: 25 }, (_, k) => ({
        price: 60_000.1 + k * 0.5,
        qty: 0.2 + k * 0.01,
      }))
      const book = { bids, asks, inSync: true }
      return timed(() => bookFeatures(book, { depthBps: 10 }))
    },
  ],
]

function measure(round: Round): { subject: Summary; base: Summary } {
  const s: number[] = []
  const b: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    b.push(baseline())
    s.push(round())
  }
  return { subject: summarize(s), base: summarize(b) }
}

// Warm up every path first, so each runs optimised code when timed.
for (const [, round] of subjects) round()
for (let r = 0; r < 3; r++) baseline()

process.stdout.write(
  `${COUNT} updates per round, ${ROUNDS} rounds, alternating with the running sum; ratio = subject cost / running-sum cost (lower is cheaper), of the medians and of the minima (the least disturbed rounds on a busy machine)\n\n`,
)
for (const [name, round] of subjects) {
  const { subject, base } = measure(round)
  process.stdout.write(
    `${name}\n  subject: ${format(subject)}\n  running sum: ${format(base)}\n  ratio: ${(subject.median / base.median).toFixed(1)}x (of minima: ${(subject.min / base.min).toFixed(1)}x)\n`,
  )
}
if (sink < 0) process.stdout.write('unreachable\n')
process.stdout.write(`node ${process.version}\n`)
