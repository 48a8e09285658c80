import type {
  BookApplyOk,
  BookApplyRejected,
  BookChecksumMismatch,
} from '../types.js'

/** The one success value (shared: `apply()` allocates nothing on success). */
export const APPLY_OK: BookApplyOk = Object.freeze({ ok: true })

/** A valid uint32 checksum, or `undefined`. */
export function readChecksum(value: unknown): number | undefined {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= 0xffffffff
    ? value
    : undefined
}

export function rejected(
  reason: BookApplyRejected['reason'],
  expected: number | undefined,
  message: string,
): BookApplyRejected {
  return Object.freeze({
    ok: false,
    reason,
    expected,
    computed: undefined,
    message,
  })
}

export function mismatch(
  symbol: string,
  expected: number,
  computed: number,
): BookChecksumMismatch {
  return Object.freeze({
    ok: false,
    reason: 'checksum-mismatch',
    expected,
    computed,
    message: `${symbol}: checksum ${computed} does not match Kraken's ${expected}; the book is out of sync until the next snapshot.`,
  })
}

/** Describes a caught value without trusting it (it may be anything). */
export function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error)
  } catch {
    return 'unknown error'
  }
}
