/** What replaces a token value in a taped frame. */
export const REDACTED = '[REDACTED]'

/** What a sent frame that is not JSON is stored as: it might hold a secret. */
export const UNPARSABLE_FRAME = '{"redacted":"unparsable frame"}'

/** A sent frame ready for the tape. */
export type RedactedFrame = {
  /** The text to store. */
  readonly text: string
  /** True when anything was replaced. */
  readonly redacted: boolean
}

/**
 * Redacts every `token` value of a sent frame. The frame is parsed first, so
 * a key written with escapes (`"tok\u0065n"`) is found too; the rest of the
 * text is kept byte for byte (numbers keep their digits). A frame that is not
 * JSON is replaced whole.
 *
 * @example
 * ```ts
 * redactTokens('{"method":"subscribe","params":{"channel":"balances","token":"abc"}}')
 * // { text: '{"method":"subscribe","params":{"channel":"balances","token":"[REDACTED]"}}', redacted: true }
 * ```
 */
export function redactTokens(text: string): RedactedFrame {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { text: UNPARSABLE_FRAME, redacted: true }
  }
  if (!holdsToken(parsed)) return { text, redacted: false }
  return { text: rewriteTokens(text), redacted: true }
}

function holdsToken(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some(holdsToken)
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'token' || holdsToken(inner)) return true
  }
  return false
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

function skipWhitespace(text: string, at: number): number {
  let i = at
  while (i < text.length && WHITESPACE.has(text[i] as string)) i++
  return i
}

/** Index just past the string literal that starts at `at` (a quote). */
function endOfString(text: string, at: number): number {
  let i = at + 1
  while (i < text.length) {
    const char = text[i]
    if (char === '\\') i += 2
    else if (char === '"') return i + 1
    else i++
  }
  return i
}

/** Index just past the JSON value that starts at `at`. */
function endOfValue(text: string, at: number): number {
  const first = text[at]
  if (first === '"') return endOfString(text, at)
  if (first !== '{' && first !== '[') {
    let i = at
    while (i < text.length && !/[,}\]\s]/.test(text[i] as string)) i++
    return i
  }
  let depth = 0
  let i = at
  while (i < text.length) {
    const char = text[i]
    if (char === '"') {
      i = endOfString(text, i)
      continue
    }
    if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  return i
}

/**
 * Replaces the value of every key that decodes to `token`. The text is valid
 * JSON (parsed before), so every quote outside a string opens a string, and
 * a string followed by `:` is a key.
 */
function rewriteTokens(text: string): string {
  let out = ''
  let copied = 0
  let i = 0
  while (i < text.length) {
    if (text[i] !== '"') {
      i++
      continue
    }
    const end = endOfString(text, i)
    const colon = skipWhitespace(text, end)
    if (text[colon] !== ':') {
      i = end
      continue
    }
    const key = JSON.parse(text.slice(i, end)) as string
    const valueAt = skipWhitespace(text, colon + 1)
    if (key === 'token') {
      const valueEnd = endOfValue(text, valueAt)
      out += `${text.slice(copied, valueAt)}"${REDACTED}"`
      copied = valueEnd
      i = valueEnd
    } else {
      i = valueAt
    }
  }
  return out + text.slice(copied)
}
