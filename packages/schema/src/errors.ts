/** Options shared by every error of `@kraken-sockets/schema`. */
export type SchemaErrorOptions = {
  /** What went wrong in more detail (several lines allowed). */
  details?: string | undefined
  /** The underlying error, e.g. valibot's `ValiError`. */
  cause?: unknown
}

/**
 * Base class of every error thrown by `@kraken-sockets/schema`.
 *
 * `shortMessage` is one sentence; `message` adds `details` when there are any.
 */
export class SchemaError extends Error {
  override name = 'SchemaError'
  /** One sentence saying what went wrong. */
  readonly shortMessage: string
  /** More detail, when there is any. */
  readonly details: string | undefined

  constructor(shortMessage: string, options: SchemaErrorOptions = {}) {
    super(
      options.details
        ? `${shortMessage}\n\nDetails: ${options.details}`
        : shortMessage,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.shortMessage = shortMessage
    this.details = options.details
  }
}
