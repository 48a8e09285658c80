/**
 * One line about an error, for the screen: the library's `shortMessage`
 * and `details` when it has them, never a stack.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const { shortMessage, details } = error as {
    shortMessage?: unknown
    details?: unknown
  }
  const text =
    typeof shortMessage === 'string'
      ? typeof details === 'string' && details !== ''
        ? `${shortMessage} (${details})`
        : shortMessage
      : error.message
  return `${error.name}: ${text.replaceAll('\n', ' ').replace(/\s+/g, ' ')}`
}
