/**
 * JSON text with number literals written verbatim: Kraken sends decimals
 * with their trailing zeros (`0.10000000`) and integers beyond 2^53
 * (`connection_id`), which `JSON.stringify` cannot write.
 */

/** A number literal to write verbatim (already valid JSON number text). */
export class RawNumber {
  /** The literal, e.g. `"0.10000000"` or `"13834774380200032777"`. */
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

/** Marks decimal text as a JSON number literal. */
export function raw(text: string): RawNumber {
  return new RawNumber(text)
}

/** A value {@link encodeJson} can write. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | RawNumber
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined }

/**
 * Serialises `value`, writing {@link RawNumber}s verbatim and skipping
 * `undefined` properties. With `sortKeys`, object keys come out in
 * alphabetical order, as Kraken writes method responses.
 */
export function encodeJson(value: JsonValue, sortKeys = false): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value))
        throw new RangeError(`Not a finite number: ${value}`)
      return String(value)
    case 'boolean':
      return value ? 'true' : 'false'
  }
  if (value instanceof RawNumber) return value.text
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[]
    return `[${items.map((item) => encodeJson(item, sortKeys)).join(',')}]`
  }
  const record = value as { readonly [key: string]: JsonValue | undefined }
  const keys = Object.keys(record)
  if (sortKeys) keys.sort()
  const parts: string[] = []
  for (const key of keys) {
    const item = record[key]
    if (item !== undefined)
      parts.push(`${JSON.stringify(key)}:${encodeJson(item, sortKeys)}`)
  }
  return `{${parts.join(',')}}`
}
