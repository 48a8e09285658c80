import type { DecodeResult } from '../decode/types.js'

/**
 * What must agree between the fast and the slow path: accept or reject,
 * responses by name with their values, item errors, and a failure's path
 * and issues.
 */
export function decodeOutcome(result: DecodeResult) {
  return result.ok
    ? {
        ok: true,
        responses: result.responses.map((r) => [r.name, r.value]),
        errors: result.errors,
      }
    : { ok: false, path: result.error.path, issues: result.error.issues }
}
