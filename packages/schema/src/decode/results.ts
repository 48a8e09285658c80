import type { ResponseType } from '../responses/responseType.js'
import { DecodeError } from './errors.js'
import type { DecodedResponse, DecodeItemError, DecodeResult } from './types.js'

/** Shared by every clean frame, so a clean frame allocates no error list. */
export const NO_ERRORS: readonly DecodeItemError[] = Object.freeze([])

/** Pairs a value with its response type. */
export function decoded(type: ResponseType, value: unknown): DecodedResponse {
  return { type, name: type.name, value } as DecodedResponse
}

/** A frame that could not be decoded at all. */
export function failure(
  raw: string,
  issues: readonly [DecodeItemError, ...DecodeItemError[]],
): DecodeResult {
  return { ok: false, error: new DecodeError(issues), raw }
}

/** A frame-level failure at `path`. */
export function frameFailure(
  raw: string,
  path: string,
  message: string,
  item: unknown,
): DecodeResult {
  return failure(raw, [{ path, message, item }])
}

/**
 * The result of a frame: its responses and failed items; a frame whose every
 * item failed is a failure, so it is never mistaken for an empty one.
 */
export function finish(
  raw: string,
  responses: DecodedResponse[],
  errors: DecodeItemError[],
): DecodeResult {
  const [first, ...rest] = errors
  if (first === undefined) return { ok: true, responses, errors: NO_ERRORS }
  if (responses.length === 0) return failure(raw, [first, ...rest])
  return { ok: true, responses, errors }
}
