import * as v from 'valibot'

/** A value Kraken accepts in an enumerated field. */
export type AllowedValue = string | number | boolean

const allowedByIssue = new WeakMap<object, readonly AllowedValue[]>()

/**
 * A picklist whose issue names the accepted values, and remembers them so that
 * {@link RequestValidationError.allowed} can list them without parsing text.
 */
export function oneOf<const TOptions extends readonly (string | number)[]>(
  options: TOptions,
) {
  const list = options.map((option) => JSON.stringify(option)).join(', ')
  return v.picklist(options, (issue) => {
    allowedByIssue.set(issue, options)
    return `must be one of ${list} (received ${issue.received})`
  })
}

/** The accepted values recorded for an issue raised by {@link oneOf}. */
export function allowedValuesOf(
  issue: object,
): readonly AllowedValue[] | undefined {
  return allowedByIssue.get(issue)
}
