import { SchemaError } from '../errors.js'

/** The structured fields of a {@link RequestValidationError}. */
export type RequestValidationErrorParameters = {
  /** What was being built, e.g. `add_order` or `subscribe book`. */
  request: string
  /** Path of the offending field in Kraken's names, e.g. `orders[2].side`. */
  field: string
  /** Why the field was refused, e.g. `must be one of "buy", "sell"`. */
  reason: string
  /** The values Kraken accepts, when they can be listed. */
  allowed?: readonly (string | number | boolean)[] | undefined
  /** Every problem found, one per line. */
  details?: string | undefined
  /** The underlying error (valibot's `ValiError` with all its issues). */
  cause?: unknown
}

/**
 * A request was refused before anything was sent: a builder was given a value
 * Kraken would reject (or that could not be written exactly).
 *
 * Messages name the field and, when the accepted values can be listed, list
 * them in `allowed`. They never contain the WS token: builders refuse a
 * `token` field before validating, and
 * {@link @kraken-sockets/schema!stringifyRequest | stringifyRequest} never puts
 * the token in an error.
 */
export class RequestValidationError extends SchemaError {
  override name = 'RequestValidationError'
  /** What was being built, e.g. `add_order` or `subscribe book`. */
  readonly request: string
  /** Path of the offending field, e.g. `depth` or `orders[2].side`. */
  readonly field: string
  /** The values Kraken accepts, when they can be listed. */
  readonly allowed: readonly (string | number | boolean)[] | undefined

  constructor({
    request,
    field,
    reason,
    allowed,
    details,
    cause,
  }: RequestValidationErrorParameters) {
    super(`Invalid ${request} request: "${field}" ${reason}.`, {
      details,
      cause,
    })
    this.request = request
    this.field = field
    this.allowed = allowed
  }
}
