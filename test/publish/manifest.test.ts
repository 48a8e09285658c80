import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { publishedPackages, readManifest, repoRoot } from './stage.js'

type PublishManifest = ReturnType<typeof readManifest> & {
  type?: unknown
  engines?: { node?: unknown }
  sideEffects?: unknown
  license?: unknown
  keywords?: unknown
  private?: unknown
  publishConfig?: { access?: unknown }
}

function manifestOf(pkg: string): PublishManifest {
  return readManifest(join(repoRoot, 'packages', pkg))
}

/** Documented subpaths beyond `.`: the runtime's unstable `./testing` entry. */
const extraEntries: Record<string, Record<string, object>> = {
  runtime: {
    './testing': {
      '@kraken-sockets/source': './src/testingEntry.ts',
      types: './dist/testingEntry.d.ts',
      default: './dist/testingEntry.js',
    },
  },
}

describe.each(publishedPackages)('@kraken-sockets/%s package.json', (pkg) => {
  const manifest = manifestOf(pkg)

  test('behavior: is a public, ESM-only package for Node ≥ 20.19', () => {
    expect(manifest).toMatchObject({
      name: `@kraken-sockets/${pkg}`,
      type: 'module',
      sideEffects: false,
      license: 'MIT',
      engines: { node: '>=20.19' },
      publishConfig: { access: 'public' },
    })
    expect(manifest.private).toBeUndefined()
    expect(manifest.keywords).toEqual(expect.arrayContaining(['kraken']))
  })

  test('behavior: exports the source condition first, then types, then default', () => {
    expect(manifest.exports).toEqual({
      '.': {
        '@kraken-sockets/source': './src/index.ts',
        types: './dist/index.d.ts',
        default: './dist/index.js',
      },
      ...extraEntries[pkg],
      './package.json': './package.json',
    })
    for (const entry of ['.', ...Object.keys(extraEntries[pkg] ?? {})]) {
      const conditions = (manifest.exports as Record<string, object>)[entry]
      // Conditions match in key order: ours must come before `types`.
      expect(Object.keys(conditions ?? {})).toEqual([
        '@kraken-sockets/source',
        'types',
        'default',
      ])
    }
  })

  test('behavior: ships dist and src, never tests or testing helpers', () => {
    expect(manifest.files).toEqual([
      'dist',
      'src',
      '!src/**/*.test.ts',
      '!src/**/*.test-d.ts',
      '!src/**/testing',
    ])
  })

  test('behavior: depends on sibling packages with workspace ranges only', () => {
    const internal = Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
    }).filter(([name]) => name.startsWith('@kraken-sockets/'))
    // `workspace:^` becomes a caret range when pnpm publishes.
    expect(internal.filter(([, range]) => range !== 'workspace:^')).toEqual([])
  })
})

test('behavior: installing only the schema brings no WebSocket or Node dependency', () => {
  const schema = manifestOf('schema')
  expect(schema.dependencies).toBeUndefined()
  expect(schema.peerDependencies).toEqual({ valibot: '^1.5.0' })
})

test('behavior: changesets version each package on its own', () => {
  const config: unknown = JSON.parse(
    readFileSync(join(repoRoot, '.changeset/config.json'), 'utf8'),
  )
  expect(config).toMatchObject({
    fixed: [],
    linked: [],
    access: 'public',
    baseBranch: 'main',
    privatePackages: { version: false, tag: false },
  })
})
