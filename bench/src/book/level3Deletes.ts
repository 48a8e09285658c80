import { createL3Book } from '@kraken-sockets/book'
import { type Summary, summarize } from './stats.js'

/*
 * Cost of one level3 update that deletes k orders resting at one price
 * (a price level emptied at once, as when a large order sweeps it), against
 * one that adds the same k orders, measured in the same run. Deleting used
 * to find and splice each order in its level's queue (O(k) each, O(k²) per
 * update); now each delete is O(1) and the level is compacted once, so the
 * ratio stays flat as k grows.
 *
 *   cd bench && pnpm exec tsx --conditions=@kraken-sockets/source src/book/level3Deletes.ts
 */

const PRICE = 65_000.1

function orders(k: number, event: 'add' | 'delete') {
  return Array.from({ length: k }, (_, i) => ({
    event,
    order_id: `O${String(i).padStart(7, '0')}`,
    limit_price: PRICE,
    order_qty: 0.5,
    limit_price_text: '65000.1',
    order_qty_text: '0.50000000',
    timestamp: '2025-01-01T00:00:00.000000000Z',
  }))
}

/** Per-update cost (ms) of the adds and of the deletes, over `rounds` rounds. */
function measure(k: number, rounds: number): { add: Summary; del: Summary } {
  const adds = orders(k, 'add')
  const deletes = orders(k, 'delete')
  // Kraken's checksums of the two states, from a scratch book.
  const scratch = createL3Book({ symbol: 'BTC/USD', depth: 10 })
  const empty = scratch.checksum()
  scratch.apply({ type: 'snapshot', bids: adds, asks: [], checksum: 0 })
  const full = scratch.checksum()
  const add: number[] = []
  const del: number[] = []
  for (let round = 0; round <= rounds; round++) {
    const book = createL3Book({ symbol: 'BTC/USD', depth: 10 })
    book.apply({ type: 'snapshot', bids: [], asks: [], checksum: empty })
    let start = process.hrtime.bigint()
    book.apply({ type: 'update', bids: adds, asks: [], checksum: full })
    const added = Number(process.hrtime.bigint() - start) / 1e6
    if (book.orderCount !== k) throw new Error('the adds were not applied')
    start = process.hrtime.bigint()
    book.apply({ type: 'update', bids: deletes, asks: [], checksum: empty })
    const deleted = Number(process.hrtime.bigint() - start) / 1e6
    if (book.orderCount !== 0) throw new Error('the deletes were not applied')
    if (round > 0) {
      add.push(added)
      del.push(deleted)
    }
  }
  return { add: summarize(add), del: summarize(del) }
}

for (const k of [1_000, 10_000, 50_000]) {
  const rounds = k >= 50_000 ? 5 : 15
  const { add, del } = measure(k, rounds)
  process.stdout.write(
    `${String(k).padStart(6)} orders at one price: delete all ${del.median.toFixed(2)} ms, ` +
      `add all ${add.median.toFixed(2)} ms (medians of ${rounds}), ` +
      `ratio delete/add ${(del.median / add.median).toFixed(2)}\n`,
  )
}
