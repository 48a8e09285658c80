/** A JSON value whose numbers are kept as their literal text. */
export type ExactJson =
  | string
  | boolean
  | null
  | { readonly number: string }
  | ExactJson[]
  | { [key: string]: ExactJson }

/**
 * Parses JSON keeping every number literal as `{ number: text }`, so tests can
 * compare digits (trailing zeros, integers beyond 2^53) exactly.
 */
export function parseExact(text: string): ExactJson {
  let at = 0
  const skip = () => {
    while (/\s/.test(text[at] ?? '')) at++
  }
  const fail = (): never => {
    throw new SyntaxError(`Bad JSON at ${at}`)
  }
  const value = (): ExactJson => {
    skip()
    const c = text[at]
    if (c === '{') {
      at++
      const out: { [key: string]: ExactJson } = {}
      skip()
      if (text[at] === '}') {
        at++
        return out
      }
      for (;;) {
        skip()
        const key = value()
        if (typeof key !== 'string') fail()
        skip()
        if (text[at++] !== ':') fail()
        out[key as string] = value()
        skip()
        const sep = text[at++]
        if (sep === '}') return out
        if (sep !== ',') fail()
      }
    }
    if (c === '[') {
      at++
      const out: ExactJson[] = []
      skip()
      if (text[at] === ']') {
        at++
        return out
      }
      for (;;) {
        out.push(value())
        skip()
        const sep = text[at++]
        if (sep === ']') return out
        if (sep !== ',') fail()
      }
    }
    if (c === '"') {
      const match = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(at))
      if (match === null) return fail()
      at += match[0].length
      return JSON.parse(match[0]) as string
    }
    const literal =
      /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(at, at + 64),
      )
    if (literal === null) return fail()
    at += literal[0].length
    if (literal[0] === 'true') return true
    if (literal[0] === 'false') return false
    if (literal[0] === 'null') return null
    return { number: literal[0] }
  }
  const result = value()
  skip()
  if (at !== text.length) fail()
  return result
}

/** Turns {@link parseExact} output into plain JSON with numbers as strings. */
export function numbersAsText(value: ExactJson): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(numbersAsText)
  if ('number' in value && typeof value.number === 'string') return value.number
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, numbersAsText(v as ExactJson)]),
  )
}
