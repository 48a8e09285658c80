/** What a redacted token reads as in recordings and logs. */
export const REDACTED = '[redacted]'

/** The key that holds a WS token, as the request is parsed (escapes decoded). */
const TOKEN_KEY = 'token'

// A frame split into JSON string literals (an unterminated one runs to the
// end) and the runs between them, in order, so a quote inside a string can
// never shift what counts as a key.
const PIECES = /"(?:[^"\\]|\\.)*"?|[^"]+/g
const KEY_SEPARATOR = /^\s*:\s*$/

/** A string literal's value, or `undefined` when it does not decode. */
function decode(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal)
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/** Whether a parsed value holds a `token` key whose value is not redacted. */
function holdsToken(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some(holdsToken)
  return Object.entries(value).some(
    ([key, inner]) =>
      (key === TOKEN_KEY && inner !== REDACTED) || holdsToken(inner),
  )
}

/** Replaces, at any depth, the value of every `token` key. */
function redactParsed(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(redactParsed)
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === TOKEN_KEY ? REDACTED : redactParsed(inner),
    ]),
  )
}

/** The frame's text with every string value under a `token` key replaced. */
function redactText(frame: string): string {
  const pieces = frame.match(PIECES) ?? []
  let out = ''
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string
    const separator = pieces[i + 1]
    const value = pieces[i + 2]
    if (
      piece.startsWith('"') &&
      separator !== undefined &&
      KEY_SEPARATOR.test(separator) &&
      value?.startsWith('"') === true &&
      decode(piece) === TOKEN_KEY
    ) {
      out += `${piece}${separator}"${REDACTED}"`
      i += 2
    } else out += piece
  }
  return out
}

/**
 * Hides every WS token in a frame a client sent, as the simulator reads the
 * request: keys are compared after their escapes are decoded (`"tok\u0065n"`
 * is `token`), at any depth. The frame's text is kept otherwise (numbers keep
 * their digits); if the parsed frame still shows a token afterwards (a value
 * that is not a string), the frame is re-encoded from the parsed, redacted
 * value instead. Frames that do not parse are redacted by their text only.
 */
export function redactTokens(frame: string): string {
  if (!frame.includes('"')) return frame
  const redacted = redactText(frame)
  let parsed: unknown
  try {
    parsed = JSON.parse(redacted)
  } catch {
    return redacted
  }
  return holdsToken(parsed) ? JSON.stringify(redactParsed(parsed)) : redacted
}
