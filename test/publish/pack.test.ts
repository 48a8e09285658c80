import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  bareImportsReachableFrom,
  packageNameOf,
  specifiersOf,
} from './imports.js'
import {
  type PublishedPackage,
  packedFiles,
  publishedPackages,
  readManifest,
  type Stage,
  stagePackages,
} from './stage.js'

/** Files a tarball may hold besides `dist/**` and `src/**`. */
const topLevelFiles = new Set([
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
])

/** Paths that are for our own tests only and must never ship. */
function isTestOnly(path: string): boolean {
  const segments = path.split('/')
  return (
    /\.test(-d)?\.(ts|js|d\.ts)(\.map)?$/.test(path) ||
    /\.(test|bench)\./.test(path) ||
    segments.includes('testing') ||
    segments.includes('fixtures') ||
    segments.includes('__fixtures__') ||
    path.endsWith('.tsbuildinfo')
  )
}

/** Packages that run only on Node and may use its built-ins. */
const nodeOnly = new Set<PublishedPackage>([
  'simulator',
  'tape',
  'gateway',
  'desk',
  'mcp',
])

let stage: Stage
const files = new Map<PublishedPackage, string[]>()

beforeAll(async () => {
  stage = await stagePackages(publishedPackages)
  for (const pkg of publishedPackages)
    files.set(pkg, await packedFiles(stage.dir(pkg)))
})

afterAll(() => stage?.remove())

function filesOf(pkg: PublishedPackage): string[] {
  const list = files.get(pkg)
  if (list === undefined) throw new Error(`${pkg} was not packed`)
  return list
}

describe.each(publishedPackages)('the %s tarball', (pkg) => {
  test('behavior: holds the build, the sources, the README and the manifest', () => {
    const list = filesOf(pkg)
    expect(list).toContain('package.json')
    expect(list).toContain('README.md')
    expect(list).toContain('dist/index.js')
    expect(list).toContain('dist/index.d.ts')
    expect(list).toContain('src/index.ts')
  })

  test('behavior: holds nothing but dist, src and top-level docs', () => {
    const stray = filesOf(pkg).filter(
      (path) =>
        !topLevelFiles.has(path) &&
        !path.startsWith('dist/') &&
        !path.startsWith('src/'),
    )
    expect(stray).toEqual([])
  })

  test('behavior: holds no tests, testing helpers or fixtures', () => {
    expect(filesOf(pkg).filter(isTestOnly)).toEqual([])
  })

  test('behavior: every shipped source has its build, every build its types', () => {
    const list = new Set(filesOf(pkg))
    const sources = [...list].filter(
      (path) =>
        path.startsWith('src/') &&
        path.endsWith('.ts') &&
        !path.endsWith('.d.ts'),
    )
    const unbuilt = sources.filter(
      (path) => !list.has(path.replace(/^src\//, 'dist/').replace(/ts$/, 'js')),
    )
    const untyped = [...list]
      .filter((path) => path.startsWith('dist/') && path.endsWith('.js'))
      .filter((path) => !list.has(path.replace(/\.js$/, '.d.ts')))
    expect({ unbuilt, untyped }).toEqual({ unbuilt: [], untyped: [] })
  })

  test('behavior: every exports target is in the tarball', () => {
    const list = new Set(filesOf(pkg))
    // The values of the exports map (its keys are subpaths, e.g. `./testing`).
    const targets = JSON.stringify(readManifest(stage.dir(pkg)).exports)
      .match(/:"\.\/[^"]+"/g)
      ?.map((quoted) => quoted.slice(4, -1))
      .filter((target) => !target.endsWith('/'))
    expect(targets?.length).toBeGreaterThan(0)
    expect(targets?.filter((target) => !list.has(target))).toEqual([])
  })

  test('behavior: what index.js and index.d.ts load is declared in package.json', () => {
    const manifest = readManifest(stage.dir(pkg))
    const declared = new Set(
      Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }),
    )
    const dist = join(stage.dir(pkg), 'dist')
    const loaded = [
      ...bareImportsReachableFrom(join(dist, 'index.js')),
      ...bareImportsReachableFrom(join(dist, 'index.d.ts')),
    ]
    const undeclared = loaded.filter((specifier) =>
      specifier.startsWith('node:')
        ? !nodeOnly.has(pkg)
        : !declared.has(packageNameOf(specifier)),
    )
    // Types a consumer needs from DefinitelyTyped must ship with the package.
    const typings = bareImportsReachableFrom(join(dist, 'index.d.ts'))
      .filter((specifier) => !specifier.startsWith('node:'))
      .map((specifier) => `@types/${packageNameOf(specifier)}`)
      .filter(
        (types) =>
          manifest.devDependencies?.[types] !== undefined &&
          !declared.has(types),
      )
    expect({ undeclared, typings }).toEqual({ undeclared: [], typings: [] })
  })
})

test('behavior: the schema package loads no WebSocket and no Node module', () => {
  const dist = join(stage.dir('schema'), 'dist')
  expect(bareImportsReachableFrom(join(dist, 'index.js'))).toEqual(['valibot'])
  expect(bareImportsReachableFrom(join(dist, 'index.d.ts'))).toEqual([
    'valibot',
  ])
})

test('behavior: the import scanner sees static, dynamic and type imports', () => {
  // Guards the dependency checks above against a pattern that matches nothing.
  const code = [
    `import { a } from 'valibot'`,
    `export { b } from './b.js'`,
    `import 'side-effect'`,
    `export type T = import('ws').WebSocket`,
    `/** @example import { c } from 'not-this' */`,
  ].join('\n')
  expect(specifiersOf(code)).toEqual(['valibot', './b.js', 'side-effect', 'ws'])
})
