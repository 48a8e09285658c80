import { decodeBookText, looksLikeBookFrame } from './bookText.js'
import { decodeFast } from './fastPath.js'
import { isObject } from './guards.js'
import { frameFailure } from './results.js'
import { decodeSlow } from './slowPath.js'
import type { DecodeResult } from './types.js'

/**
 * Decodes one Kraken v2 frame into typed responses. It never throws: a frame
 * that is not JSON, or matches no response type, gives `{ ok: false, error,
 * raw }`, with the path that failed in `error.path`. Per-symbol channels
 * (ticker, book, level3, status) give one response per item; an item that
 * fails goes to `errors` while the others still come through. Book and level3
 * levels keep the exact decimal text Kraken sent; `connection_id` keeps all
 * its digits. A number too large for a double (`1e400`, which `JSON.parse`
 * reads as `Infinity`) is refused where a schema declares a number, with the
 * path of the field.
 *
 * @example
 * ```ts
 * import { decodeMessage, TickerUpdateResponse } from '@kraken-sockets/schema'
 *
 * const result = decodeMessage(frameText)
 * if (!result.ok) console.error(result.error.path, result.raw)
 * else
 *   for (const response of result.responses)
 *     if (response.name === 'TickerUpdateResponse') console.log(response.value.last)
 * ```
 */
export function decodeMessage(text: string): DecodeResult {
  try {
    if (looksLikeBookFrame(text)) {
      const book = decodeBookText(text)
      if (book !== undefined) return book
    }
    let frame: unknown
    try {
      frame = JSON.parse(text)
    } catch {
      return decodeSlow(text)
    }
    if (isObject(frame) && !('method' in frame)) {
      const fast = decodeFast(text, frame)
      if (fast !== undefined) return fast
    }
    // The fast path may have annotated parsed objects, so start afresh.
    return decodeSlow(text)
  } catch (cause) {
    // Unreachable by design; kept so that a bug can never throw at a caller.
    return frameFailure(
      String(text),
      '',
      `Decoder failure: ${String(cause)}`,
      text,
    )
  }
}
