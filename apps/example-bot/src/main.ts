/**
 * Placeholder quick start: prints the shared sample frames this project is
 * built against. It becomes the real bot once the runtime lands.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const samplesPath = join(
  import.meta.dirname,
  '../../../fixtures/kraken-v2/samples.json',
)
const samples = JSON.parse(readFileSync(samplesPath, 'utf8')) as {
  samples?: unknown[]
}
console.log(`example-bot: ${JSON.stringify(samples).length} bytes of samples`)
