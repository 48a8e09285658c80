/** Replaces a secret wherever it appears. */
export const REDACTED = '[redacted]'

const SECRET_KEY = /token|api_?key|private_?key|secret|password|signature/i
const MAX_DEPTH = 4

/**
 * A copy of `context` in which the values of secret-named keys (token,
 * apiKey, privateKey, secret, ...) are replaced by `[redacted]`, nested
 * objects and arrays included (to a small depth), and every occurrence of a
 * known secret string inside other strings is masked too.
 */
export function redactContext(
  context: Readonly<Record<string, unknown>>,
  secrets: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(context)) {
    result[key] = SECRET_KEY.test(key)
      ? REDACTED
      : redactValue(value, secrets, 1)
  }
  return result
}

/** `text` with every occurrence of each known secret masked. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.replaceAll(secret, REDACTED)
  }
  return result
}

function redactValue(
  value: unknown,
  secrets: readonly string[],
  depth: number,
): unknown {
  if (typeof value === 'string') return redactText(value, secrets)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '[…]'
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, secrets, depth + 1))
  }
  if (value instanceof Error) return redactText(String(value), secrets)
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    result[key] = SECRET_KEY.test(key)
      ? REDACTED
      : redactValue(item, secrets, depth + 1)
  }
  return result
}
