/*
 * Straightforward O(n) reference formulas, written from the textbook
 * definitions and recomputed from scratch for every index: deliberately
 * nothing like the streaming code they check.
 */

const mean = (xs: readonly number[]): number =>
  xs.reduce((a, b) => a + b, 0) / xs.length

/** Population standard deviation, two-pass. */
export function populationStd(xs: readonly number[]): number {
  const m = mean(xs)
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)))
}

/** SMA of the `period` values ending at each index (null before). */
export function naiveSma(
  xs: readonly number[],
  period: number,
): (number | null)[] {
  return xs.map((_, i) =>
    i + 1 < period ? null : mean(xs.slice(i + 1 - period, i + 1)),
  )
}

/** EMA with weight 2/(period+1), seeded with the first value, from scratch per index. */
export function naiveEmaSeries(
  xs: readonly number[],
  period: number,
): number[] {
  const k = 2 / (period + 1)
  return xs.map((_, i) => {
    let e = xs[0] ?? 0
    for (let j = 1; j <= i; j++) e = (xs[j] ?? 0) * k + e * (1 - k)
    return e
  })
}

/**
 * Wilder's RSI as he defined it: the first averages are plain means of the
 * first `period` gains and losses, then avg = (prev·(n−1) + current) / n.
 */
export function naiveRsi(
  xs: readonly number[],
  period: number,
): (number | null)[] {
  return xs.map((_, i) => {
    if (i < period) return null
    const changes = xs.slice(1, i + 1).map((x, j) => x - (xs[j] ?? 0))
    let gain = mean(changes.slice(0, period).map((c) => Math.max(c, 0)))
    let loss = mean(changes.slice(0, period).map((c) => Math.max(-c, 0)))
    for (const c of changes.slice(period)) {
      gain = (gain * (period - 1) + Math.max(c, 0)) / period
      loss = (loss * (period - 1) + Math.max(-c, 0)) / period
    }
    return loss === 0 ? 100 : 100 - 100 / (1 + gain / loss)
  })
}

/** True range: the first candle has no previous close, so high − low. */
export function trueRanges(
  candles: readonly { high: number; low: number; close: number }[],
): number[] {
  return candles.map((c, i) => {
    const previous = candles[i - 1]
    if (previous === undefined) return c.high - c.low
    return Math.max(
      c.high - c.low,
      Math.abs(c.high - previous.close),
      Math.abs(c.low - previous.close),
    )
  })
}

/** Wilder's ATR: mean of the first `period` true ranges, then Wilder smoothing. */
export function naiveAtr(
  candles: readonly { high: number; low: number; close: number }[],
  period: number,
): (number | null)[] {
  const tr = trueRanges(candles)
  return tr.map((_, i) => {
    if (i + 1 < period) return null
    let atr = mean(tr.slice(0, period))
    for (const x of tr.slice(period, i + 1))
      atr = (atr * (period - 1) + x) / period
    return atr
  })
}
