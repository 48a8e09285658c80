// `JSON.parse` reads a literal too large for a double (`1e400`, or a number
// of 10,000 digits) as `Infinity`, and valibot's `number()` accepts it. A
// price or a quantity that is infinite is a corrupt frame, not a market, so
// the decoder refuses it: after a schema accepted a value, this finds the
// first number the schema declares (a field, a list item; not the extra keys
// a loose object lets through) that is not finite. The fast path refuses the
// same numbers in its guards and sends such a frame here.

import * as v from 'valibot'
import { isRecord } from './levels.js'

/** The parts of a valibot schema this walk reads, by `type`. */
type SchemaNode = {
  readonly type: string
  readonly entries?: Readonly<Record<string, SchemaNode>>
  readonly item?: SchemaNode
  readonly items?: readonly SchemaNode[]
  readonly wrapped?: SchemaNode
  readonly options?: readonly SchemaNode[]
  readonly value?: SchemaNode
  readonly rest?: SchemaNode
  readonly getter?: (input: unknown) => SchemaNode
}

/** A declared number that is not finite, and where it is. */
export type NonFinite = { readonly path: string; readonly value: number }

/**
 * The first number of `value` at a place where `schema` declares a number
 * that is `Infinity` or `-Infinity`, with its path under `base` (`data[0]` +
 * `bids[2].price`), or `undefined`. `value` must already satisfy `schema`.
 */
export function findNonFinite(
  schema: v.GenericSchema,
  value: unknown,
  base: string,
): NonFinite | undefined {
  return walk(schema as unknown as SchemaNode, value, base)
}

/** The message of a decode error for {@link NonFinite}. */
export function nonFiniteMessage(found: NonFinite): string {
  return `Expected a finite number but received ${found.value}: the literal is too large for a 64-bit float.`
}

function walk(
  schema: SchemaNode,
  value: unknown,
  path: string,
): NonFinite | undefined {
  switch (schema.type) {
    case 'number':
      return typeof value === 'number' && !Number.isFinite(value)
        ? { path, value }
        : undefined
    case 'object':
    case 'loose_object':
    case 'strict_object':
    case 'object_with_rest':
      return walkEntries(schema, value, path)
    case 'array':
      return schema.item !== undefined && Array.isArray(value)
        ? walkList(value, () => schema.item as SchemaNode, path)
        : undefined
    case 'tuple':
    case 'loose_tuple':
    case 'strict_tuple':
    case 'tuple_with_rest':
      return Array.isArray(value)
        ? walkList(
            value,
            (i) => schema.items?.[i] ?? schema.rest ?? UNCHECKED,
            path,
          )
        : undefined
    case 'record':
      return schema.value !== undefined && isRecord(value)
        ? walkValues(schema.value, value, path)
        : undefined
    case 'union':
    case 'variant': {
      // The option that accepts the value is the one that declares its shape.
      const option = schema.options?.find((o) =>
        v.is(o as unknown as v.GenericSchema, value),
      )
      return option === undefined ? undefined : walk(option, value, path)
    }
    case 'lazy':
      return schema.getter === undefined
        ? undefined
        : walk(schema.getter(value), value, path)
    default:
      // exact_optional, optional, nullable and the like wrap one schema.
      return schema.wrapped !== undefined && value !== undefined
        ? walk(schema.wrapped, value, path)
        : undefined
  }
}

const UNCHECKED: SchemaNode = { type: 'unknown' }

function walkEntries(
  schema: SchemaNode,
  value: unknown,
  path: string,
): NonFinite | undefined {
  if (!isRecord(value)) return undefined
  for (const key in schema.entries) {
    const entry = schema.entries[key] as SchemaNode
    if (!Object.hasOwn(value, key)) continue
    const found = walk(entry, value[key], join(path, key))
    if (found !== undefined) return found
  }
  if (schema.type === 'object_with_rest' && schema.rest !== undefined)
    for (const key in value) {
      if (schema.entries !== undefined && Object.hasOwn(schema.entries, key))
        continue
      const found = walk(schema.rest, value[key], join(path, key))
      if (found !== undefined) return found
    }
  return undefined
}

function walkList(
  list: unknown[],
  itemAt: (index: number) => SchemaNode,
  path: string,
): NonFinite | undefined {
  for (let i = 0; i < list.length; i++) {
    const found = walk(itemAt(i), list[i], `${path}[${i}]`)
    if (found !== undefined) return found
  }
  return undefined
}

function walkValues(
  schema: SchemaNode,
  record: Record<string, unknown>,
  path: string,
): NonFinite | undefined {
  for (const key of Object.keys(record)) {
    const found = walk(schema, record[key], join(path, key))
    if (found !== undefined) return found
  }
  return undefined
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}
