import {
  invalidArguments,
  notAFloat,
  notAnInt,
  TradingRejection,
} from './rejection.js'
import { parseRfc3339 } from './time.js'

/** A request's `params` as parsed from JSON. */
export type Params = Readonly<Record<string, unknown>>

/** Reads a JSON number field; a quoted number is refused as Kraken does. */
export function readFloat(params: Params, field: string): number | undefined {
  const value = params[field]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw notAFloat(field)
  return value
}

/** Reads a required JSON number field. */
export function requireFloat(params: Params, field: string): number {
  const value = readFloat(params, field)
  if (value === undefined) throw invalidArguments(`${field} is required`)
  return value
}

/** Reads an integer field. */
export function readInt(params: Params, field: string): number | undefined {
  const value = params[field]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw notAnInt(field)
  return value
}

/** Reads a boolean field. */
export function readBool(params: Params, field: string): boolean | undefined {
  const value = params[field]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') throw invalidArguments(field)
  return value
}

/** Reads a string field, optionally one of `allowed`. */
export function readString<const T extends string>(
  params: Params,
  field: string,
  allowed?: readonly T[],
): T | undefined {
  const value = params[field]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw invalidArguments(field)
  if (allowed !== undefined && !allowed.includes(value as T))
    throw invalidArguments(`${field}`)
  return value as T
}

/** Reads a required string field. */
export function requireString<const T extends string>(
  params: Params,
  field: string,
  allowed?: readonly T[],
): T {
  const value = readString(params, field, allowed)
  if (value === undefined) throw invalidArguments(`${field} is required`)
  return value
}

/** Reads an array of strings (or of integers with `kind: 'int'`). */
export function readList(
  params: Params,
  field: string,
  kind: 'string' | 'int' = 'string',
): readonly (string | number)[] {
  const value = params[field]
  if (value === undefined) return []
  if (!Array.isArray(value)) throw invalidArguments(field)
  for (const item of value)
    if (
      kind === 'string'
        ? typeof item !== 'string'
        : typeof item !== 'number' || !Number.isSafeInteger(item)
    )
      throw invalidArguments(field)
  return value as (string | number)[]
}

/** Reads a nested object field. */
export function readObject(params: Params, field: string): Params | undefined {
  const value = params[field]
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidArguments(field)
  return value as Params
}

/**
 * Checks `deadline` (RFC 3339): Kraken refuses a deadline in the past with
 * `EService:Deadline elapsed` and one more than 60 s ahead as invalid.
 */
export function checkDeadline(params: Params, now: number): void {
  const text = readString(params, 'deadline')
  if (text === undefined) return
  const deadline = parseRfc3339(text)
  if (deadline === undefined || deadline > now + 60_000)
    throw invalidArguments('deadline')
  if (deadline < now) throw new TradingRejection('EService:Deadline elapsed')
}

/**
 * Checks a `cl_ord_id`: a long UUID, a 32-hex short UUID or up to 18
 * printable ASCII characters.
 */
export function checkClOrdId(id: string): void {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
  if (uuid.test(id) || /^[0-9a-f]{32}$/i.test(id)) return
  if (id.length === 0 || id.length > 18 || !/^[\x20-\x7e]+$/.test(id))
    throw invalidArguments('cl_ord_id')
}
