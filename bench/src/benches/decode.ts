import { decodeMessage } from '@kraken-sockets/schema'
import type { Bench, Subject } from '../runner/types.js'

/** Bare `JSON.parse`: what decoding is compared with. */
export const jsonParse: Subject = {
  name: 'JSON.parse',
  setup: () => (frame) => JSON.parse(frame),
}

const decode: Subject = {
  name: 'decodeMessage',
  setup: (frames) => {
    // A corpus frame that fails to decode would make the figures meaningless.
    for (const frame of frames)
      if (!decodeMessage(frame).ok)
        throw new Error(`corpus frame does not decode: ${frame.slice(0, 120)}`)
    return decodeMessage
  },
}

/** `decodeMessage` (validation and exact decimals included) vs `JSON.parse`. */
export const decodeBenches: readonly Bench[] = [
  { ...decode, name: 'decode/mixed', corpus: 'mixed', baseline: jsonParse },
  {
    ...decode,
    name: 'decode/book-heavy',
    corpus: 'book-heavy',
    baseline: jsonParse,
  },
  {
    ...decode,
    name: 'decode/book-live',
    corpus: 'book-live',
    baseline: jsonParse,
  },
  {
    ...decode,
    name: 'decode/book-depth1000',
    corpus: 'book-depth1000',
    baseline: jsonParse,
  },
  { ...decode, name: 'decode/level3', corpus: 'level3', baseline: jsonParse },
]
