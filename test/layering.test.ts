import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

/**
 * The package DAG: each package may import only these bare specifiers (and
 * `node:` built-ins only where listed). Lower layers never import higher ones.
 */
const allowed: Record<string, string[]> = {
  schema: ['valibot'],
  book: ['valibot', '@kraken-sockets/schema'],
  transport: ['valibot', '@kraken-sockets/schema', 'ws'],
  runtime: [
    'valibot',
    '@kraken-sockets/schema',
    '@kraken-sockets/book',
    '@kraken-sockets/transport',
  ],
  // The replay transport implements transport's interface; `verify` and
  // `to-csv` decode frames with schema and rebuild books with book (both
  // lower, pure layers: no cycle, and the runtime never imports tape).
  tape: [
    'valibot',
    '@kraken-sockets/schema',
    '@kraken-sockets/book',
    '@kraken-sockets/transport',
  ],
  // The simulator plays tapes into its market (`market: { tape }`).
  simulator: [
    'valibot',
    '@kraken-sockets/schema',
    '@kraken-sockets/book',
    '@kraken-sockets/tape',
    'ws',
  ],
  indicators: ['valibot', 'trading-signals'],
  gateway: [
    '@kraken-sockets/runtime',
    '@kraken-sockets/transport',
    '@kraken-sockets/schema',
    '@kraken-sockets/book',
    '@nats-io/transport-node',
    '@nats-io/jetstream',
    '@nats-io/kv',
  ],
}

/** Packages that run only on Node and may use its built-ins. */
const nodeOnly = new Set(['simulator', 'tape', 'gateway'])

const importRe =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g

/** Drops comments, so that JSDoc `@example` imports do not count. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

function bareImports(pkg: string): string[] {
  const src = join(import.meta.dirname, '../packages', pkg, 'src')
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
    (f) =>
      f.endsWith('.ts') &&
      !/\.test(-d)?\.ts$/.test(f) &&
      !f.split(/[\\/]/).includes('testing'),
  )
  const bare = new Set<string>()
  for (const file of files)
    for (const m of stripComments(
      readFileSync(join(src, file), 'utf8'),
    ).matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? ''
      if (!spec.startsWith('.')) bare.add(spec)
    }
  return [...bare]
}

describe('layering', () => {
  for (const [pkg, deps] of Object.entries(allowed)) {
    test(`${pkg} imports only ${deps.join(', ')}`, () => {
      const offending = bareImports(pkg).filter(
        (spec) =>
          !deps.includes(spec) &&
          !(nodeOnly.has(pkg) && spec.startsWith('node:')),
      )
      expect(offending).toEqual([])
    })
  }

  test('behavior: the checker sees imports', () => {
    // Guards against a regex that silently matches nothing.
    const sample = `import * as v from 'valibot'\nexport { x } from './x.js'\nconst m = await import('node:zlib')`
    const found = [...sample.matchAll(importRe)].map((m) => m[1] ?? m[2])
    expect(found).toEqual(['valibot', './x.js', 'node:zlib'])
  })

  test('behavior: imports inside comments do not count', () => {
    const sample = `/**\n * @example\n * import { x } from 'ws'\n */\n// import 'node:fs'\nimport * as v from 'valibot'`
    const found = [...stripComments(sample).matchAll(importRe)].map(
      (m) => m[1] ?? m[2],
    )
    expect(found).toEqual(['valibot'])
  })
})
