import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '../..')

/** Published packages (folder names under `packages/`), in build order. */
export const publishedPackages = [
  'schema',
  'book',
  'transport',
  'tape',
  'simulator',
  'runtime',
  'indicators',
  'gateway',
  'desk',
  'mcp',
] as const

/** A folder name under `packages/` of a published package. */
export type PublishedPackage = (typeof publishedPackages)[number]

/** The fields of a package.json these tests read. */
export type Manifest = {
  name: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  exports?: unknown
  files?: string[]
}

/** Reads `packages/<pkg>/package.json` (or the one in `dir`). */
export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
}

/** A temp copy of the workspace's published packages, built with `tsc`. */
export type Stage = {
  /** The staged package's folder (package.json, src, dist, README). */
  dir(pkg: PublishedPackage): string
  /** A temp folder for the caller's own files, removed by `remove()`. */
  readonly scratch: string
  remove(): void
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

/** Entries of a package folder that a clean clone does not have. */
const notSource = new Set(['node_modules', 'dist', '.turbo'])

function internalDependencies(pkg: PublishedPackage): PublishedPackage[] {
  const manifest = readManifest(join(repoRoot, 'packages', pkg))
  const names = Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.devDependencies,
  })
  return publishedPackages.filter((p) => names.includes(`@kraken-sockets/${p}`))
}

/** `pkgs` and every published package they need to build, in build order. */
function withDependencies(pkgs: readonly PublishedPackage[]) {
  const wanted = new Set<PublishedPackage>()
  const visit = (pkg: PublishedPackage) => {
    if (wanted.has(pkg)) return
    wanted.add(pkg)
    for (const dep of internalDependencies(pkg)) visit(dep)
  }
  for (const pkg of pkgs) visit(pkg)
  return publishedPackages.filter((p) => wanted.has(p))
}

/** Links an external dependency the way a registry install would place it. */
function linkExternal(nodeModules: string, from: string, name: string) {
  const link = join(nodeModules, name)
  const source = join(from, 'node_modules', name)
  if (existsSync(link) || !existsSync(source)) return
  mkdirSync(dirname(link), { recursive: true })
  symlinkSync(realpathSync(source), link, 'dir')
}

/**
 * Copies each package's sources and manifest into a temp workspace (never
 * its `dist`), links them and their external dependencies into a
 * `node_modules`, and builds them in order with `tsc -p tsconfig.build.json`,
 * as CI does. Nothing in the repository is written, so this runs safely
 * beside other tests and other builds.
 */
export async function stagePackages(
  pkgs: readonly PublishedPackage[],
): Promise<Stage> {
  const root = mkdtempSync(join(tmpdir(), 'kraken-sockets-publish-'))
  const nodeModules = join(root, 'node_modules')
  const scratch = join(root, 'scratch')
  mkdirSync(scratch)
  const dir = (pkg: PublishedPackage) => join(root, 'packages', pkg)
  const stage: Stage = {
    dir,
    scratch,
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
  try {
    cpSync(
      join(repoRoot, 'tsconfig.base.json'),
      join(root, 'tsconfig.base.json'),
    )
    for (const pkg of withDependencies(pkgs)) {
      const source = join(repoRoot, 'packages', pkg)
      for (const entry of readdirSync(source))
        if (!notSource.has(entry))
          cpSync(join(source, entry), join(dir(pkg), entry), {
            recursive: true,
          })
      const manifest = readManifest(source)
      for (const name of Object.keys({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
        ...manifest.devDependencies,
      }))
        if (!name.startsWith('@kraken-sockets/'))
          linkExternal(nodeModules, source, name)
      mkdirSync(join(nodeModules, '@kraken-sockets'), { recursive: true })
      symlinkSync(dir(pkg), join(nodeModules, manifest.name), 'dir')
      await build(dir(pkg), manifest.name)
    }
    return stage
  } catch (error) {
    stage.remove()
    throw error
  }
}

async function build(dir: string, name: string): Promise<void> {
  try {
    await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')])
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error)
    throw new Error(`tsc -p tsconfig.build.json failed for ${name}:\n${output}`)
  }
}

/** Runs npm (never pnpm, which resolves itself from the registry). */
async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', [...args, '--ignore-scripts'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

function parsePackOutput(stdout: string): {
  filename: string
  files: string[]
} {
  const parsed: unknown = JSON.parse(stdout)
  const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined
  const { filename, files } = (first ?? {}) as {
    filename?: unknown
    files?: unknown
  }
  if (typeof filename !== 'string' || !Array.isArray(files))
    throw new Error(`unexpected npm pack output: ${stdout.slice(0, 200)}`)
  return {
    filename,
    files: files
      .map((file: { path?: unknown }) => String(file.path))
      .sort((a, b) => a.localeCompare(b)),
  }
}

/** The paths `npm pack` would put in the package's tarball, sorted. */
export async function packedFiles(dir: string): Promise<string[]> {
  return parsePackOutput(await npm(['pack', '--dry-run', '--json'], dir)).files
}

/** Packs the package into `destination`; returns the tarball's path. */
export async function packTarball(
  dir: string,
  destination: string,
): Promise<string> {
  const output = await npm(
    ['pack', '--json', '--pack-destination', destination],
    dir,
  )
  return join(destination, parsePackOutput(output).filename)
}
