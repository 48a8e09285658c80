import { type BookLevelInput, createBook } from '@kraken-sockets/book'
import { type Summary, summarize } from './stats.js'

/*
 * Cost of one oversized book snapshot (n levels per side, depth 1000) when
 * its levels come worst first, against the same levels best first measured
 * in the same run. Before the fix, worst first was quadratic (80 000 levels
 * blocked the event loop for 3.3 s); now both orders cost O(n log n) and the
 * ratio stays near 1 as n grows.
 *
 *   cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/book/worstFirstSnapshot.ts
 */

const DEPTH = 1000

function side(n: number, first: number, step: number): BookLevelInput[] {
  return Array.from({ length: n }, (_, i) => {
    const price = (1 + (first + i * step) / 100_000).toFixed(5)
    return {
      price: Number(price),
      qty: 1.5,
      price_text: price,
      qty_text: '1.5',
    }
  })
}

/** Per-snapshot cost in ms over `rounds` rounds, after one warm-up apply. */
function measure(
  bids: BookLevelInput[],
  asks: BookLevelInput[],
  rounds: number,
): Summary {
  const samples: number[] = []
  for (let round = 0; round <= rounds; round++) {
    const book = createBook({ symbol: 'BTC/USD', depth: DEPTH })
    const start = process.hrtime.bigint()
    book.apply({ type: 'snapshot', bids, asks, checksum: 0 })
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6
    if (book.bids.length !== Math.min(DEPTH, bids.length))
      throw new Error('the snapshot was not applied')
    if (round > 0) samples.push(elapsed)
  }
  return summarize(samples)
}

for (const n of [1_000, 10_000, 80_000, 400_000]) {
  // Bids best first: highest price first; asks best first: lowest first.
  const bestBids = side(n, n - 1, -1)
  const bestAsks = side(n, n, 1)
  const worstBids = [...bestBids].reverse()
  const worstAsks = [...bestAsks].reverse()
  const rounds = n >= 80_000 ? 5 : 21
  const best = measure(bestBids, bestAsks, rounds)
  const worst = measure(worstBids, worstAsks, rounds)
  process.stdout.write(
    `${String(n).padStart(7)} levels/side: worst first ${worst.median.toFixed(1)} ms, ` +
      `best first ${best.median.toFixed(1)} ms (medians of ${rounds}), ` +
      `ratio ${(worst.median / best.median).toFixed(2)}, ` +
      `${((worst.median * 1e6) / (2 * n)).toFixed(0)} ns/level worst first\n`,
  )
}
