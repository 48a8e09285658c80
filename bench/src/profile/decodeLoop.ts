import { decodeMessage } from '@kraken-sockets/schema'
import { loadCorpus } from '../runner/corpus.js'

// Decodes a corpus over and over for a while, for `node --cpu-prof`:
//   cd bench && node --conditions=@kraken-sockets/source --import tsx \
//     --cpu-prof --cpu-prof-dir=/tmp/prof src/profile/decodeLoop.ts book-heavy 8
// Profiling shows where the time goes; figures come from the bench runner.
const corpus = process.argv[2] ?? 'book-heavy'
const seconds = Number(process.argv[3] ?? 8)
const frames = loadCorpus(corpus)
const end = performance.now() + seconds * 1000
let decoded = 0
let responses = 0
while (performance.now() < end) {
  for (const frame of frames) {
    const result = decodeMessage(frame)
    if (result.ok) responses += result.responses.length
    decoded++
  }
}
console.log(`${corpus}: ${decoded} frames decoded, ${responses} responses`)
