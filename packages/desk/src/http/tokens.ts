import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import * as v from 'valibot'
import type { Scope } from '../catalogue/operation.js'
import { DeskConfigError } from '../errors.js'

/** The desk's bearer tokens, one per scope (`trade` includes `read`). */
export interface DeskTokens {
  readonly read: string
  readonly trade: string
  /** The file they are kept in (mode 0600). */
  readonly path: string
}

const TokenFileSchema = v.object({
  read: v.pipe(v.string(), v.minLength(32)),
  trade: v.pipe(v.string(), v.minLength(32)),
})

/** Where the CLI keeps its tokens: `$XDG_CONFIG_HOME/kraken-desk/tokens.json` or `~/.config/...`. */
export function defaultTokenFile(): string {
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
  return join(base, 'kraken-desk', 'tokens.json')
}

const newToken = () => randomBytes(32).toString('base64url')

/**
 * Reads the tokens from `path`, or creates the file (mode 0600, its folder
 * 0700) with two fresh random tokens at first start.
 * @throws {DeskConfigError} when the file is readable by others or malformed.
 */
export async function loadOrCreateTokens(path: string): Promise<DeskTokens> {
  try {
    const info = await stat(path)
    if ((info.mode & 0o077) !== 0) {
      throw new DeskConfigError(
        `The token file ${path} is readable by other users.`,
        {
          details: `Run: chmod 600 ${path}`,
        },
      )
    }
    const parsed = v.safeParse(
      TokenFileSchema,
      JSON.parse(await readFile(path, 'utf8')),
    )
    if (!parsed.success) {
      throw new DeskConfigError(`The token file ${path} is malformed.`, {
        details: 'Delete it to have new tokens generated.',
      })
    }
    return { ...parsed.output, path }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const tokens = { read: newToken(), trade: newToken() }
  // `wx`: never overwrite a file another process created meanwhile.
  await writeFile(path, `${JSON.stringify(tokens, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  })
  return { ...tokens, path }
}

const digest = (text: string) => createHash('sha256').update(text).digest()

/** The scope a presented token grants, compared in constant time; `undefined` if none. */
export function scopeOf(
  tokens: DeskTokens,
  presented: string,
): Scope | undefined {
  const given = digest(presented)
  if (timingSafeEqual(given, digest(tokens.trade))) return 'trade'
  if (timingSafeEqual(given, digest(tokens.read))) return 'read'
  return undefined
}
