import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildBookLive } from './bookLive.js'
import { buildDepth1000 } from './depth1000.js'
import { buildLevel3 } from './level3.js'
import { BOOK_HEAVY, buildMixed } from './mixed.js'

// Rebuilds the checked-in corpora: `pnpm --filter bench corpora`.
const dir = join(import.meta.dirname, '../../corpora')
const corpora: Record<string, string[]> = {
  'book-live': buildBookLive(),
  mixed: buildMixed(10_000),
  'book-heavy': buildMixed(10_000, BOOK_HEAVY),
  'book-depth1000': buildDepth1000(2_000),
  level3: buildLevel3(3_000),
}
for (const [name, frames] of Object.entries(corpora)) {
  writeFileSync(join(dir, `${name}.jsonl`), `${frames.join('\n')}\n`)
  console.log(`${name}: ${frames.length} frames`)
}
