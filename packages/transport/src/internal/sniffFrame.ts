/**
 * Parses a frame's text as a JSON object, for a quick look at a few of its
 * top-level fields (a pong's `req_id`, a fatal `error`, an answer's
 * `method`) without the schema. The one sniffer of every package. Callers
 * test a cheap substring first where they can, so ordinary frames are not
 * parsed twice.
 *
 * @returns the parsed object, or `undefined` when the text is not a JSON
 * object (malformed text, an array, a number...).
 * @example
 * ```ts
 * const frame = sniffFrame('{"method":"pong","req_id":7}')
 * frame?.req_id // 7
 * ```
 */
export function sniffFrame(
  text: string,
): Readonly<Record<string, unknown>> | undefined {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return undefined
  return frame as Record<string, unknown>
}
