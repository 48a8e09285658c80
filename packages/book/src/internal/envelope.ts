import type { BookApplyRejected } from '../types.js'
import { readChecksum, rejected } from './results.js'

/** The parts of a snapshot or update value that a book applies. */
export interface Envelope {
  readonly isSnapshot: boolean
  readonly expected: number
  readonly bids: readonly unknown[]
  readonly asks: readonly unknown[]
}

/** Why a value cannot be applied, before any level is read. */
export interface EnvelopeProblem {
  /** `invalid-input` puts the book out of sync; the others leave it as is. */
  readonly reason: BookApplyRejected['reason']
  readonly expected: number | undefined
  readonly problem: string
}

/**
 * Checks what every book value shares (channel, symbol, type, checksum, the
 * two arrays) without trusting its shape: it may be anything at run time.
 */
export function readEnvelope(
  input: unknown,
  book: { readonly symbol: string; readonly inSync: boolean },
  channel: string,
): Envelope | EnvelopeProblem {
  if (typeof input !== 'object' || input === null)
    return invalid(undefined, 'the value is not an object')
  const value = input as Readonly<Record<string, unknown>>
  const expected = readChecksum(value.checksum)
  if (value.symbol !== undefined && value.symbol !== book.symbol)
    return {
      reason: 'wrong-symbol',
      expected,
      problem: `got a value for ${String(value.symbol)}; ignored`,
    }
  if (value.channel !== undefined && value.channel !== channel)
    return invalid(expected, `channel is ${String(value.channel)}`)
  const isSnapshot = value.type === 'snapshot'
  if (!isSnapshot && value.type !== 'update')
    return invalid(expected, `type is ${String(value.type)}`)
  if (!isSnapshot && !book.inSync)
    return {
      reason: 'out-of-sync',
      expected,
      problem: 'update ignored while the book waits for a snapshot',
    }
  if (expected === undefined)
    return invalid(undefined, 'checksum is not a uint32')
  const { bids, asks } = value
  if (!Array.isArray(bids) || !Array.isArray(asks))
    return invalid(expected, 'bids and asks must be arrays')
  return { isSnapshot, expected, bids, asks }
}

function invalid(
  expected: number | undefined,
  problem: string,
): EnvelopeProblem {
  return { reason: 'invalid-input', expected, problem }
}

/** The result for an envelope problem. */
export function envelopeRejection(
  symbol: string,
  { reason, expected, problem }: EnvelopeProblem,
): BookApplyRejected {
  const consequence =
    reason === 'invalid-input'
      ? '; the book is out of sync until the next snapshot'
      : ''
  return rejected(reason, expected, `${symbol}: ${problem}${consequence}.`)
}
