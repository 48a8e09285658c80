import { TokenResponseError } from './errors.js'

/**
 * Reads a response body as UTF-8 text, refusing it as soon as it passes
 * `maxBytes`: a declared `Content-Length` over the cap is refused before any
 * byte is read, and a streamed body is cancelled at the first chunk that
 * crosses it, so a hostile or broken endpoint cannot make us buffer more
 * than the cap.
 * @throws {TokenResponseError} when the body is larger than `maxBytes`.
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
): Promise<string> {
  const tooLarge = () =>
    new TokenResponseError({
      details: `the body is larger than ${maxBytes} bytes`,
    })
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    throw tooLarge()
  }
  const body = response.body
  if (body === null) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
