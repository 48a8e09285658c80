import { decodeMessage } from '@kraken-sockets/schema'
import { loadCorpus } from '../runner/corpus.js'

const frames = loadCorpus(process.argv[2] ?? 'book-heavy')
const fns: Record<string, (t: string) => unknown> = {
  parse: (t) => JSON.parse(t),
  decode: (t) => decodeMessage(t),
  indexOfBackslash: (t) => t.indexOf('\\'),
  indexOfPriceLoop: (t) => {
    let n = 0
    let at = t.indexOf('price"')
    while (at !== -1) {
      n++
      at = t.indexOf('price"', at + 6)
    }
    return n
  },
}
let sink = 0
for (let round = 0; round < 5; round++) {
  const out: string[] = []
  for (const [name, fn] of Object.entries(fns)) {
    const start = performance.now()
    for (let r = 0; r < 20; r++)
      for (const f of frames) {
        const x = fn(f)
        if (x === 1) sink++
      }
    out.push(
      `${name} ${(((performance.now() - start) * 1e6) / (20 * frames.length)).toFixed(0)}ns`,
    )
  }
  console.log(out.join('  '))
}
