import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the checked-in corpora are. */
export const CORPORA = join(import.meta.dirname, '../../corpora')

/** The frames of a corpus, one per line. */
export function loadCorpus(name: string): string[] {
  const text = readFileSync(join(CORPORA, `${name}.jsonl`), 'utf8')
  return text.split('\n').filter((line) => line.length > 0)
}
