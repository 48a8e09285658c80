import { createBook } from '@kraken-sockets/book'
import { liveStream, type Stream } from './liveStream.js'
import { format, type Summary, summarize } from './stats.js'
import { syntheticStream } from './syntheticStream.js'

/*
 * Cost of book.apply() per update, checksum verification included, against
 * JSON.parse of the same frames measured in the same run. Each round replays
 * the snapshot (untimed) then times every update of the stream; a sample is
 * one round's mean cost per update.
 *
 *   cd bench && pnpm exec tsx --expose-gc --conditions=@kraken-sockets/source src/book/applyUpdates.ts
 */

function measureBook(stream: Stream, rounds: number): Summary {
  const book = createBook(stream)
  const samples: number[] = []
  let failures = 0
  for (let round = 0; round < rounds; round++) {
    book.apply(stream.snapshot)
    const start = process.hrtime.bigint()
    for (const update of stream.updates) if (!book.apply(update).ok) failures++
    const elapsed = Number(process.hrtime.bigint() - start) / 1000
    samples.push(elapsed / stream.updates.length)
  }
  if (failures > 0) throw new Error(`${failures} updates failed to verify`)
  return summarize(samples)
}

function measureParse(stream: Stream, rounds: number): Summary {
  const samples: number[] = []
  let sink = 0
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint()
    for (const text of stream.updateTexts)
      sink += (JSON.parse(text) as { data: unknown[] }).data.length
    const elapsed = Number(process.hrtime.bigint() - start) / 1000
    samples.push(elapsed / stream.updateTexts.length)
  }
  if (sink === 0) throw new Error('nothing parsed')
  return summarize(samples)
}

function report(name: string, stream: Stream, rounds: number): void {
  // Warm up both paths so that both run optimised code.
  measureBook(stream, Math.ceil(rounds / 5))
  measureParse(stream, Math.ceil(rounds / 5))
  const book = measureBook(stream, rounds)
  const parse = measureParse(stream, rounds)
  const bytes =
    stream.updateTexts.reduce((sum, text) => sum + text.length, 0) /
    stream.updateTexts.length
  process.stdout.write(
    `${name} (depth ${stream.depth}, ${stream.updates.length} updates, ~${bytes.toFixed(0)} B/frame)\n` +
      `  book.apply + verify: ${format(book)}\n` +
      `  JSON.parse baseline: ${format(parse)}\n` +
      `  ratio book / JSON.parse (medians): ${(book.median / parse.median).toFixed(2)}\n`,
  )
}

report('live BTC/USD capture', liveStream(), 2000)
report(
  'synthetic seeded',
  syntheticStream({ depth: 1000, updates: 5000, seed: 42 }),
  200,
)
