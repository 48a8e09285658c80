import { createHash, randomInt } from 'node:crypto'
import { canonicalJson } from './canonicalJson.js'

/** One-time codes that confirm one exact tool call. */
export interface ConfirmationCodes {
  /** Issues a code for `tool` with exactly `args`. */
  issue(tool: string, args: unknown): string
  /**
   * Uses up `code` if it was issued for `tool` with exactly `args` and has
   * not expired. A code works once, and a wrong guess does not burn it.
   */
  redeem(tool: string, args: unknown, code: string): boolean
}

/** Options of {@link createConfirmationCodes}. */
export interface ConfirmationCodesOptions {
  /** How long a code stays valid (ms). @default 300_000 */
  readonly ttl?: number | undefined
  /** Codes kept at most; the oldest goes first. @default 100 */
  readonly capacity?: number | undefined
  /** The clock. @default Date.now */
  readonly now?: (() => number) | undefined
}

// No 0/O or 1/I/L: a user may read the code aloud or retype it.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

const fingerprint = (tool: string, args: unknown) =>
  createHash('sha256')
    .update(`${tool}\n${canonicalJson(args)}`)
    .digest('hex')

/** Creates the code book: codes are random, bound to a hash of the call. */
export function createConfirmationCodes(
  options: ConfirmationCodesOptions = {},
): ConfirmationCodes {
  const ttl = options.ttl ?? 300_000
  const capacity = options.capacity ?? 100
  const now = options.now ?? Date.now
  const codes = new Map<string, { call: string; expires: number }>()

  const newCode = () => {
    let code = ''
    for (let i = 0; i < 8; i += 1) code += ALPHABET[randomInt(ALPHABET.length)]
    return `${code.slice(0, 4)}-${code.slice(4)}`
  }

  return {
    issue(tool, args) {
      let code = newCode()
      while (codes.has(code)) code = newCode()
      codes.set(code, { call: fingerprint(tool, args), expires: now() + ttl })
      while (codes.size > capacity) {
        const oldest = codes.keys().next().value
        if (oldest === undefined) break
        codes.delete(oldest)
      }
      return code
    },
    redeem(tool, args, given) {
      const code = given.trim().toUpperCase()
      const entry = codes.get(code)
      if (entry === undefined) return false
      if (entry.expires <= now()) {
        codes.delete(code)
        return false
      }
      if (entry.call !== fingerprint(tool, args)) return false
      codes.delete(code)
      return true
    },
  }
}
