import { SchemaError } from '../errors.js'
import type { DecodeItemError } from './types.js'

/**
 * A frame could not be decoded: it is not JSON, matches no response type, or
 * every item of it failed validation. `path` tells where (`""` for the whole
 * frame); `issues` lists every failed item.
 */
export class DecodeError extends SchemaError {
  override name = 'DecodeError'
  /** Where the first failure is, e.g. `"data[0].bid"`; `""` for the frame. */
  readonly path: string
  /** Every failure, first one first. */
  readonly issues: readonly DecodeItemError[]

  constructor(issues: readonly [DecodeItemError, ...DecodeItemError[]]) {
    const [first] = issues
    const where = first.path === '' ? 'the frame' : `"${first.path}"`
    super(`Kraken frame failed to decode at ${where}.`, {
      details: issues
        .map((i) => `${i.path || '(frame)'}: ${i.message}`)
        .join('\n'),
    })
    this.path = first.path
    this.issues = issues
  }
}
