import * as v from 'valibot'
import { RequestValidationError } from '../errors.js'
import { compact } from './compact.js'
import { allowedValuesOf } from './oneOf.js'

/** Fields the runtime adds when it sends a frame; builders refuse them. */
const INJECTED_FIELDS = ['token', 'req_id'] as const

/**
 * Validates a request built by a builder and returns valibot's output (a fresh
 * copy, without `undefined` fields).
 *
 * @param label What is being built, for messages (e.g. `subscribe book`).
 * @throws {RequestValidationError} naming the first offending field.
 */
export function parseRequest<TSchema extends v.GenericSchema>(
  schema: TSchema,
  request: { method: string; params?: unknown },
  label: string,
): v.InferOutput<TSchema> {
  const { params } = request
  if (typeof params === 'object' && params !== null) {
    for (const field of INJECTED_FIELDS) {
      // Refused before validation so that the value (a secret, for the token)
      // never reaches an issue, a message or an error's cause.
      if (Object.hasOwn(params, field)) {
        throw new RequestValidationError({
          request: label,
          field,
          reason:
            'is added when the frame is sent (stringifyRequest); builders do not take it',
        })
      }
    }
  }
  const result = v.safeParse(schema, compact(request), {
    message: fallbackReason,
  })
  if (result.success) return result.output
  throw toValidationError(label, result.issues)
}

/** Wraps valibot issues in a {@link RequestValidationError}. */
export function toValidationError(
  label: string,
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): RequestValidationError {
  const [first] = issues
  return new RequestValidationError({
    request: label,
    field: fieldPath(first),
    reason: first.message,
    allowed: allowedValuesOf(first),
    details:
      issues.length > 1
        ? issues
            .map((issue) => `${fieldPath(issue)} ${issue.message}`)
            .join('; ')
        : undefined,
    cause: new v.ValiError(issues),
  })
}

/** The reason given for issues whose schema has no message of its own. */
function fallbackReason(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type.endsWith('object')) {
    if (issue.expected === 'never') {
      return 'is not a parameter Kraken accepts here'
    }
    if (issue.expected?.startsWith('"')) return 'is required'
    return `must be an object (received ${issue.received})`
  }
  return `must be ${issue.expected} (received ${issue.received})`
}

/** `orders[2].side` for an issue inside `params.orders[2].side`. */
function fieldPath(issue: v.BaseIssue<unknown>): string {
  const keys: unknown[] = issue.path?.map((item) => item.key) ?? []
  if (keys[0] === 'params' && keys.length > 1) keys.shift()
  let path = ''
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`
    else path += path ? `.${String(key)}` : String(key)
  }
  return path || '(request)'
}
