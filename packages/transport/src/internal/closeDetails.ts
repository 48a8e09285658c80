/** Close code a peer sends for a message larger than it accepts (RFC 6455). */
const MESSAGE_TOO_BIG = 1009

/** Error codes and messages of a frame over the local size limit. */
const LOCAL_TOO_BIG_CODES = new Set([
  // ws: a frame over `maxPayload`.
  'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
])
const LOCAL_TOO_BIG_TEXT = /max(imum)? payload|message too (big|large)/i

/**
 * Says why a socket closed, for a `ConnectionError`'s details. A frame over
 * the size limit is named as such: `ws` reports it as an error event, then
 * closes with 1006, which alone reads as a network failure. The error's own
 * message is kept (it names no secret: `socketErrorCause` redacts the URL).
 */
export function closeDetails(
  close: { readonly code: number; readonly reason: string },
  error: unknown,
): string {
  const closed = `closed with code ${close.code}${close.reason === '' ? '' : ` (${close.reason})`}`
  const { code, message } = errorParts(error)
  if (
    (code !== undefined && LOCAL_TOO_BIG_CODES.has(code)) ||
    (message !== undefined && LOCAL_TOO_BIG_TEXT.test(message))
  )
    return `a received frame was larger than the socket's size limit (${message ?? code}); ${closed}. Raise the limit of the WebSocket class you pass (ws: maxPayload) if such frames are expected.`
  if (close.code === MESSAGE_TOO_BIG)
    return `the server refused a frame as larger than its size limit; ${closed}`
  return message === undefined ? closed : `${closed} after: ${message}`
}

/** The `code` and `message` of an error event (or of the error it wraps). */
function errorParts(event: unknown): {
  code: string | undefined
  message: string | undefined
} {
  const inner =
    typeof event === 'object' && event !== null && 'error' in event
      ? (event as { error: unknown }).error
      : event
  const read = (value: unknown, key: 'code' | 'message'): string | undefined =>
    typeof value === 'object' &&
    value !== null &&
    key in value &&
    typeof (value as Record<string, unknown>)[key] === 'string' &&
    (value as Record<string, string>)[key] !== ''
      ? (value as Record<string, string>)[key]
      : undefined
  return {
    code: read(inner, 'code'),
    message: read(inner, 'message') ?? read(event, 'message'),
  }
}
