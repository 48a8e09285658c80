import type {
  ResponseName,
  ResponseType,
  ResponseValueMap,
} from '../responses/responseType.js'
import type { DecodeError } from './errors.js'

/**
 * One decoded response: its response type, the type's name (which narrows
 * the union: `if (r.name === 'TickerUpdateResponse') r.value.last`) and the
 * typed value a trigger receives.
 */
export type DecodedResponse = {
  [TName in ResponseName]: {
    readonly type: ResponseType<TName>
    readonly name: TName
    readonly value: ResponseValueMap[TName]
  }
}[ResponseName]

/** An item of a multi-item frame that failed validation. */
export type DecodeItemError = {
  /** Where it failed in the frame, e.g. `"data[2].price"`. */
  readonly path: string
  /** What was wrong there. */
  readonly message: string
  /** The item as received. */
  readonly item: unknown
}

/**
 * What {@link decodeMessage} returns: the frame's responses (one per item for
 * per-symbol channels) and the items that failed, or why the whole frame
 * could not be decoded, with its raw text.
 */
export type DecodeResult =
  | {
      readonly ok: true
      readonly responses: readonly DecodedResponse[]
      readonly errors: readonly DecodeItemError[]
    }
  | { readonly ok: false; readonly error: DecodeError; readonly raw: string }
