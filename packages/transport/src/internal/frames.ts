const decoder = new TextDecoder()

/**
 * Turns a WebSocket message payload into text. Kraken sends text frames;
 * binary payloads (ArrayBuffer, typed arrays, Node buffers) are decoded as
 * UTF-8 in case a proxy re-frames them. Returns undefined for anything else.
 */
export function frameText(data: unknown): string | undefined {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return decoder.decode(data)
  if (ArrayBuffer.isView(data)) return decoder.decode(data)
  return undefined
}

/**
 * Builds a safe `cause` from a socket error event: keeps its message with
 * every secret-bearing text (the raw URL) replaced by its redacted form, and
 * drops the original object, which may hold request details.
 */
export function socketErrorCause(
  event: unknown,
  rawUrl: string,
  url: string,
): Error | undefined {
  const error =
    typeof event === 'object' && event !== null && 'error' in event
      ? event.error
      : event
  const message =
    error instanceof Error
      ? error.message
      : typeof event === 'object' &&
          event !== null &&
          'message' in event &&
          typeof event.message === 'string'
        ? event.message
        : undefined
  if (message === undefined || message === '') return undefined
  return new Error(message.replaceAll(rawUrl, url))
}
