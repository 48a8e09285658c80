/** Seeded inputs for the indicator bench: a random walk near BTC's price. */

/** Mulberry32: a small seeded generator, so every run sees the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export interface BenchInputs {
  readonly prices: Float64Array
  readonly candles: readonly {
    open: number
    high: number
    low: number
    close: number
    volume: number
    vwap: number
  }[]
  readonly trades: readonly { price: number; qty: number; at: number }[]
  readonly samples: readonly { value: number; at: number }[]
}

export function benchInputs(count: number, seed = 17): BenchInputs {
  const next = random(seed)
  const prices = new Float64Array(count)
  let p = 60_000
  for (let i = 0; i < count; i++) {
    p += (next() - 0.5) * 20
    prices[i] = Math.round(p * 10) / 10
  }
  const candles = Array.from({ length: count }, (_, i) => {
    const close = prices[i] ?? p
    const open = prices[i - 1] ?? close
    return {
      open,
      high: Math.max(open, close) + next() * 5,
      low: Math.min(open, close) - next() * 5,
      close,
      volume: next() * 3,
      vwap: (open + close) / 2,
    }
  })
  let at = 1_764_547_200_000
  const trades = Array.from({ length: count }, (_, i) => {
    at += Math.floor(next() * 400)
    return { price: prices[i] ?? p, qty: next(), at }
  })
  const samples = trades.map((t) => ({ value: t.price, at: t.at }))
  return { prices, candles, trades, samples }
}
