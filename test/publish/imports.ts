import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const specifierRe =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm

/** Drops comments, so that JSDoc `@example` imports do not count. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

/** Every module specifier a JavaScript or declaration file names. */
export function specifiersOf(code: string): string[] {
  return [...stripComments(code).matchAll(specifierRe)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  )
}

/** `./x.js` seen from a `.d.ts` file is `./x.d.ts`. */
function relativeTarget(from: string, specifier: string): string {
  const target = join(dirname(from), specifier)
  return from.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target
}

/**
 * The bare specifiers (packages and built-ins) that loading `entry` loads,
 * following its relative imports: what a consumer's runtime (for `.js`) or
 * type checker (for `.d.ts`) needs besides the package itself.
 */
export function bareImportsReachableFrom(entry: string): string[] {
  const seen = new Set<string>()
  const bare = new Set<string>()
  const pending = [entry]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    if (!existsSync(file)) throw new Error(`${file} is imported but missing`)
    for (const specifier of specifiersOf(readFileSync(file, 'utf8')))
      if (specifier.startsWith('.'))
        pending.push(relativeTarget(file, specifier))
      else bare.add(specifier)
  }
  return [...bare].sort()
}

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@')
    ? parts.slice(0, 2).join('/')
    : (parts[0] ?? specifier)
}
