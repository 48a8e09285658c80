import { createBook } from '@kraken-sockets/book'
import { liveStream, type Stream } from './liveStream.js'
import { syntheticStream } from './syntheticStream.js'

/*
 * Flat memory: heap in use after a forced GC at 10^5 and at 10^6 applied
 * updates (the stream replays from its snapshot when it runs out) must
 * differ by less than 1 MB.
 *
 *   cd bench && pnpm exec tsx --expose-gc --conditions=@kraken-sockets/source src/book/heap.ts
 */

const collect = (globalThis as { gc?: () => void }).gc
if (collect === undefined) throw new Error('run with --expose-gc')
const gc: () => void = collect

function heapAfterGc(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

function run(name: string, stream: Stream): void {
  const book = createBook(stream)
  const marks = new Map<number, number>([
    [100_000, 0],
    [1_000_000, 0],
  ])
  let applied = 0
  let failures = 0
  while (applied < 1_000_000) {
    book.apply(stream.snapshot)
    for (const update of stream.updates) {
      if (!book.apply(update).ok) failures++
      applied++
      if (marks.has(applied)) {
        book.checksum()
        marks.set(applied, heapAfterGc())
      }
      if (applied === 1_000_000) break
    }
  }
  const at1e5 = marks.get(100_000) ?? 0
  const at1e6 = marks.get(1_000_000) ?? 0
  const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(3)
  process.stdout.write(
    `${name}: heap after GC at 1e5 ${mb(at1e5)} MB, at 1e6 ${mb(at1e6)} MB, delta ${mb(at1e6 - at1e5)} MB` +
      ` (${failures} failed verifications) -> ${Math.abs(at1e6 - at1e5) < 1_048_576 ? 'flat' : 'NOT flat'}\n`,
  )
}

run('live BTC/USD depth 10', liveStream())
run(
  'synthetic depth 1000',
  syntheticStream({ depth: 1000, updates: 5000, seed: 7 }),
)
