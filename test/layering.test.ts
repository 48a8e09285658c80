import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
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
  desk: [
    'valibot',
    '@kraken-sockets/runtime',
    '@kraken-sockets/indicators',
    '@kraken-sockets/simulator',
    'hono',
    'hono/cookie',
    'hono/streaming',
    'hono/timing',
    '@hono/node-server',
    '@hono/node-server/utils/response',
    '@valibot/to-json-schema',
    'ws',
  ],
  // The embedded simulator and ws are the CLI's default paper venue.
  mcp: [
    'valibot',
    '@kraken-sockets/desk',
    '@kraken-sockets/simulator',
    '@modelcontextprotocol/sdk/server/index.js',
    '@modelcontextprotocol/sdk/server/stdio.js',
    '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js',
    '@modelcontextprotocol/sdk/shared/transport.js',
    '@modelcontextprotocol/sdk/types.js',
    '@valibot/to-json-schema',
    'ws',
  ],
}

/** Packages that run only on Node and may use its built-ins. */
const nodeOnly = new Set(['simulator', 'tape', 'gateway', 'desk', 'mcp'])

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

/**
 * The floors inside `@kraken-sockets/runtime/src`: each folder (or root file)
 * may import only the units listed (and itself). A unit missing here fails
 * the test, so a new folder has to say where it stands. `testing/` (test
 * helpers, not published) may import anything.
 */
const runtimeFloors: Record<string, string[]> = {
  errors: [],
  shared: ['errors'],
  connections: ['shared', 'errors'],
  triggers: ['shared', 'errors'],
  // The state a bot reads (tickers, balances, instruments): pure keepers
  // fed by the client's consumers.
  state: ['shared', 'errors'],
  subscriptions: ['connections', 'shared', 'errors'],
  books: ['subscriptions', 'shared', 'errors'],
  trading: ['subscriptions', 'connections', 'shared', 'errors'],
  client: [
    'state',
    'trading',
    'books',
    'subscriptions',
    'triggers',
    'connections',
    'shared',
    'errors',
  ],
  testing: ['client', 'trading', 'books', 'triggers', 'shared', 'errors'],
  testingEntry: ['triggers', 'state'],
  index: [
    'state',
    'client',
    'trading',
    'books',
    'subscriptions',
    'triggers',
    'connections',
    'shared',
    'errors',
  ],
}

/** Every relative import between runtime source files (tests excluded). */
function runtimeImportGraph(): Map<string, string[]> {
  const src = join(import.meta.dirname, '../packages/runtime/src')
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(/[\\/]/).join('/'))
    .filter((f) => f.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f))
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const targets: string[] = []
    for (const m of stripComments(
      readFileSync(join(src, file), 'utf8'),
    ).matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? ''
      if (spec.startsWith('.'))
        targets.push(
          posix.join(posix.dirname(file), spec).replace(/\.js$/, '.ts'),
        )
    }
    graph.set(file, targets)
  }
  return graph
}

/** The floor a runtime file stands on: its top folder, or its own name at the root. */
function floorOf(file: string): string {
  const [first = '', ...rest] = file.split('/')
  return rest.length > 0 ? first : first.replace(/\.ts$/, '')
}

/** Each cycle found by a depth-first walk, as the files around it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const cycles: string[][] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    path.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node)
  return cycles
}

describe('layering inside runtime', () => {
  const graph = runtimeImportGraph()

  test('every runtime file stands on a known floor', () => {
    const unknown = [...graph.keys()].filter(
      (file) => !(floorOf(file) in runtimeFloors),
    )
    expect(unknown).toEqual([])
  })

  test('no import runs back up a floor', () => {
    const upward: string[] = []
    for (const [file, targets] of graph) {
      const from = floorOf(file)
      for (const target of targets) {
        const to = floorOf(target)
        if (to !== from && !runtimeFloors[from]?.includes(to))
          upward.push(`${file} -> ${target}`)
      }
    }
    expect(upward).toEqual([])
  })

  test('no circle between runtime files', () => {
    expect(cyclesOf(graph)).toEqual([])
  })

  test('the floors themselves form no circle', () => {
    const floors = new Map(Object.entries(runtimeFloors))
    expect(cyclesOf(floors)).toEqual([])
  })

  test('behavior: the cycle finder sees a circle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ])
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c', 'a']])
  })
})
