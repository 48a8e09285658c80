import type * as v from 'valibot'

/** The path item that points an issue raised on an object at one field. */
export function fieldPathItem(
  input: Record<string, unknown>,
  key: string,
): v.ObjectPathItem {
  return { type: 'object', origin: 'value', input, key, value: input[key] }
}
